package dev.passerelle.server.api;

/**
 * {@code limit} and {@code offset} of a list (docs/protocol.md §0 "Pagination"): at most 1000 rows
 * a page, 1000 when the client does not say; an offset past the end is an empty page, not an error.
 */
public record Paging(int limit, long offset) {

    public static final int MAX_LIMIT = 1000;

    public static Paging parse(String limit, String offset) {
        long l = limit == null || limit.isBlank() ? MAX_LIMIT : WireInteger.require("limit", limit);
        if (l < 1 || l > MAX_LIMIT) {
            throw ApiError.INVALID_VALUE.exception("'limit' must be between 1 and " + MAX_LIMIT);
        }
        long o = offset == null || offset.isBlank() ? 0 : WireInteger.require("offset", offset);
        if (o < 0) {
            throw ApiError.INVALID_VALUE.exception("'offset' must not be negative");
        }
        return new Paging((int) l, o);
    }

    /** Whether rows remain after this page, out of {@code total}. */
    public boolean hasNext(long total) {
        return offset + limit < total;
    }
}
