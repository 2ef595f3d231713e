package dev.passerelle.server.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.stream.Collectors;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;

/**
 * A request's path under the API root as Spring MVC matches it against the mappings: each segment
 * percent-decoded and without its {@code ;parameters} ({@link PathContainer.PathSegment#valueToMatch()},
 * RFC 3986 §3.3). Whatever decides by path before or beside the mappings (a rate limit, a guard,
 * security headers, an error page) reads it here, not in the raw request URI: {@code /auth;x/token} and
 * {@code /%61uth/token} reach the token endpoint too, and read raw they would pass by the decision.
 */
public final class RoutedPath {

    private RoutedPath() {
    }

    /**
     * The path within the application, as routed: {@code /auth/token} for {@code /2.0/%61uth;x/token}.
     * An escape that decodes to nothing ({@code %zz}, a trailing {@code %}) matches no mapping either,
     * so such a path is given as it was written.
     */
    public static String of(HttpServletRequest request) {
        try {
            return RequestPath.parse(request.getRequestURI(), request.getContextPath()).pathWithinApplication()
                    .elements().stream()
                    .map(element -> element instanceof PathContainer.PathSegment segment ? segment.valueToMatch()
                            : element.value())
                    .collect(Collectors.joining());
        } catch (IllegalArgumentException undecodable) {
            return request.getRequestURI().substring(request.getContextPath().length());
        }
    }
}
