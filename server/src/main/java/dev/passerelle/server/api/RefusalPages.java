package dev.passerelle.server.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.http.ResponseEntity;

/**
 * The pages of a feature served to browsers (the webview, web authentication): a request for one
 * whose parameters cannot be read (refused by {@code ReadableParameters} before any controller runs),
 * or a path near them that names no page, gets the feature's error page in the browser's language
 * rather than the API's JSON envelope.
 */
public interface RefusalPages {

    /** The page refusing {@code request}, whose parameters cannot be read; empty when the path is not one of these pages. */
    Optional<ResponseEntity<String>> unreadable(HttpServletRequest request);

    /** The page for a path under this feature's that no route serves; empty when the path is not the feature's. */
    default Optional<ResponseEntity<String>> notFound(HttpServletRequest request) {
        return Optional.empty();
    }
}
