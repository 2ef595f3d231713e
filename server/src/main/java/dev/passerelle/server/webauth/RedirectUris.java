package dev.passerelle.server.webauth;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Redirects that carry their answer in the query string, as OAuth2 and the webauth callback do (docs/protocol.md §5.3). */
public final class RedirectUris {

    private RedirectUris() {
    }

    /** {@code base} with {@code params} appended, URL-encoded; null values are left out. */
    public static URI withQuery(String base, Map<String, String> params) {
        String query = params.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return URI.create(query.isEmpty() ? base : base + (base.contains("?") ? "&" : "?") + query);
    }

    /** A redirect that is never cached and leaks no referrer (its URL may carry a code). */
    public static ResponseEntity<String> redirect(HttpStatus status, URI location) {
        return ResponseEntity.status(status).location(location)
                .cacheControl(CacheControl.noStore())
                .header("Referrer-Policy", "no-referrer")
                .build();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
