package dev.passerelle.server.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The pages of a feature served to browsers (the webview, web authentication, the console): a request
 * for one whose parameters cannot be read (refused by {@code ReadableParameters} before any controller
 * runs), a path near them that names no page, or a path the servlet container itself refused, gets the
 * feature's error page in the browser's language rather than the API's JSON envelope.
 */
public interface RefusalPages {

    /**
     * The page refusing {@code request}, whose parameters cannot be read, so that none of them (a
     * {@code lang}) may be asked for; empty when the path is not one of these pages. The response is
     * there as {@link #containerRefused}'s is.
     */
    default Optional<ResponseEntity<String>> unreadable(HttpServletRequest request, HttpServletResponse response) {
        return Optional.empty();
    }

    /** The page for a path under this feature's that no route serves; empty when the path is not the feature's. */
    default Optional<ResponseEntity<String>> notFound(HttpServletRequest request) {
        return Optional.empty();
    }

    /**
     * The page for a request the container refused before the application saw it (an encoded slash or
     * a NUL in its path): {@code path} is the refused one as routed ({@link RoutedPath#of(String)}),
     * {@code status} the one the API would answer; empty when the path is not the feature's. The
     * response is there for pages whose links are built from the request (the console's).
     */
    default Optional<ResponseEntity<String>> containerRefused(HttpServletRequest request, HttpServletResponse response,
                                                              String path, HttpStatus status) {
        return Optional.empty();
    }

    /** The first feature's page {@code page} gives, the features asked in their order. */
    static Optional<ResponseEntity<String>> first(ObjectProvider<RefusalPages> pages,
                                                  Function<RefusalPages, Optional<ResponseEntity<String>>> page) {
        return pages.orderedStream().flatMap(feature -> page.apply(feature).stream()).findFirst();
    }
}
