package dev.passerelle.server.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * The {@code _links} of a paged list (docs/protocol.md, "Pagination"): absolute paths from the host
 * root, with the API's prefix as Powens sends them ({@code /2.0/users/me/transactions?...}), that
 * repeat the request's query with another {@code offset}; {@code next} is null on the last page and
 * {@code prev} on the first. Clients must treat them as opaque; some follow them from the host root.
 * The query is repeated as sent but for the characters a URI's query may not hold (RFC 3986 §3.4),
 * which Tomcat lets through as browsers send them ({@code |}, {@code [}, {@code ^}:
 * {@code server.tomcat.relaxed-query-chars}) and which are percent-encoded here, so that a strict URI
 * parser (Java's {@code URI}) can follow every link.
 */
public record PageLinks(Link self, @JsonInclude(JsonInclude.Include.ALWAYS) Link next,
                        @JsonInclude(JsonInclude.Include.ALWAYS) Link prev) {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    /** One link. */
    public record Link(String href) {
    }

    public static PageLinks of(HttpServletRequest request, Paging paging, long total) {
        String path = request.getRequestURI();
        String query = request.getQueryString() == null ? null : uriQuery(request.getQueryString());
        Link next = paging.hasNext(total) ? link(path, query, paging.offset() + paging.limit()) : null;
        Link prev = paging.offset() > 0 ? link(path, query, Math.max(0, paging.offset() - paging.limit())) : null;
        return new PageLinks(new Link(query == null ? path : path + "?" + query), next, prev);
    }

    /** {@code query} with each character RFC 3986's {@code query} rule leaves out percent-encoded. */
    private static String uriQuery(String query) {
        StringBuilder uri = new StringBuilder(query.length());
        for (byte b : query.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (isQueryChar(c)) {
                uri.append(c);
            } else {
                uri.append('%').append(HEX.toHexDigits(b));
            }
        }
        return uri.toString();
    }

    /** unreserved / sub-delims / ":" / "@" / "/" / "?", and "%" of the escapes already there (RFC 3986 §2, §3.4). */
    private static boolean isQueryChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~!$&'()*+,;=:@/?%".indexOf(c) >= 0;
    }

    private static Link link(String path, String query, long offset) {
        StringBuilder href = new StringBuilder(path).append('?');
        if (query != null) {
            for (String pair : query.split("&")) {
                if (!pair.isEmpty() && !pair.equals("offset") && !pair.startsWith("offset=")) {
                    href.append(pair).append('&');
                }
            }
        }
        return new Link(href.append("offset=").append(offset).toString());
    }
}
