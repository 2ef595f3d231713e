package dev.passerelle.server.console;

import dev.passerelle.server.api.RoutedPath;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The console's security headers, on every answer under {@code /console}: its pages run only their
 * own script and style, are never framed (the webview preview, framed by the console itself,
 * excepted), never cached (they show user data and, once, secrets) and send no referrer. A filter
 * ahead of all others rather than {@link ConsoleGuard}: the answers no page renders (a method the
 * path does not take, parameters that cannot be read, a body too large) carry them too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleHeaders extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (ConsoleGuard.isConsole(request)) {
            of(RoutedPath.of(request)).forEach((name, values) -> response.setHeader(name, values.getFirst()));
        }
        chain.doFilter(request, response);
    }

    /** The headers of the answers under the console's {@code path} (routed); also those of pages no request to it renders. */
    static HttpHeaders of(String path) {
        boolean preview = path.startsWith(ConsoleGuard.ROOT + "/clients/preview");
        HttpHeaders headers = new HttpHeaders();
        headers.set("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; "
                + "img-src 'self' data: https:; form-action 'self'; base-uri 'none'; frame-src 'self'; "
                + "frame-ancestors " + (preview ? "'self'" : "'none'"));
        headers.set("X-Frame-Options", preview ? "SAMEORIGIN" : "DENY");
        headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("X-Content-Type-Options", "nosniff");
        return headers;
    }
}
