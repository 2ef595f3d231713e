package dev.passerelle.server.webview;

import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The answer of every served page. The pages carry user codes (in the URL and the page), so they
 * are never cached nor sent as a referrer; scripts, styles and API calls come from this server
 * only; and only the integrator's own origin (from its whitelisted redirect URI) may frame them.
 */
final class PageHeaders {

    private PageHeaders() {
    }

    static ResponseEntity<String> page(HttpStatus status, String html, String frameAncestor, String imageOrigin) {
        String policy = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:"
                + (imageOrigin == null ? "" : " " + imageOrigin) + "; "
                + "form-action 'self'; base-uri 'none'; frame-ancestors 'self'" + (frameAncestor == null ? "" : " " + frameAncestor);
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header("Content-Security-Policy", policy)
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff")
                .body(html);
    }
}
