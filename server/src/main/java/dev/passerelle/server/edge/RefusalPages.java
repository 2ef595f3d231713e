package dev.passerelle.server.edge;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.http.ResponseEntity;

/**
 * The pages of a feature served to browsers (the webview, web authentication): a request for one
 * whose parameters cannot be read is refused by {@link ReadableParameters} before any controller
 * runs, and the person in front of the browser gets the feature's error page in their language
 * rather than the API's JSON envelope.
 */
public interface RefusalPages {

    /** The page refusing {@code request}, whose parameters cannot be read; empty when the path is not one of these pages. */
    Optional<ResponseEntity<String>> unreadable(HttpServletRequest request);

    /** The request's path under the API root, as the controllers map it. */
    static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
