package dev.passerelle.server.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.HttpServletRequest;

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
