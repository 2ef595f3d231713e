package dev.passerelle.server.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.stream.Collectors;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.web.util.ServletRequestPathUtils;

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
            // Inside the dispatcher the path is parsed already, once per request: read that one.
            RequestPath parsed = ServletRequestPathUtils.hasParsedRequestPath(request)
                    ? ServletRequestPathUtils.getParsedRequestPath(request)
                    : RequestPath.parse(request.getRequestURI(), request.getContextPath());
            return routed(parsed.pathWithinApplication());
        } catch (IllegalArgumentException undecodable) {
            return request.getRequestURI().substring(request.getContextPath().length());
        }
    }

    /** The same of a path as an address writes it, without the context path. */
    public static String of(String written) {
        try {
            return routed(PathContainer.parsePath(written));
        } catch (IllegalArgumentException undecodable) {
            return written;
        }
    }

    private static String routed(PathContainer path) {
        return path.elements().stream()
                .map(element -> element instanceof PathContainer.PathSegment segment ? segment.valueToMatch()
                        : element.value())
                .collect(Collectors.joining());
    }
}
