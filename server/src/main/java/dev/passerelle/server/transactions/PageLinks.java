package dev.passerelle.server.transactions;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.passerelle.server.api.Paging;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The {@code _links} of a paged list (docs/protocol.md, "Pagination"): absolute paths from the host
 * root, with the API's prefix as Powens sends them ({@code /2.0/users/me/transactions?...}), that
 * repeat the request's query with another {@code offset}; {@code next} is null on the last page and
 * {@code prev} on the first. Clients must treat them as opaque; some follow them from the host root.
 */
public record PageLinks(Link self, @JsonInclude(JsonInclude.Include.ALWAYS) Link next,
                        @JsonInclude(JsonInclude.Include.ALWAYS) Link prev) {

    /** One link. */
    public record Link(String href) {
    }

    public static PageLinks of(HttpServletRequest request, Paging paging, long total) {
        String path = request.getRequestURI();
        String query = request.getQueryString();
        Link next = paging.hasNext(total) ? link(path, query, paging.offset() + paging.limit()) : null;
        Link prev = paging.offset() > 0 ? link(path, query, Math.max(0, paging.offset() - paging.limit())) : null;
        return new PageLinks(new Link(query == null ? path : path + "?" + query), next, prev);
    }

    private static Link link(String path, String query, long offset) {
        Stream<String> kept = query == null ? Stream.empty()
                : Arrays.stream(query.split("&")).filter(p -> !p.isEmpty() && !p.equals("offset") && !p.startsWith("offset="));
        return new Link(path + "?" + Stream.concat(kept, Stream.of("offset=" + offset)).collect(Collectors.joining("&")));
    }
}
