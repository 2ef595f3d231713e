package dev.passerelle.server.openapi;

import dev.passerelle.server.api.RoutedPath;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The API reference page ({@code /openapi}, springdoc's Swagger UI from its webjar) gets the
 * protections of the server's other pages: its scripts, styles and calls from this server only, no
 * framing (clickjacking: a token typed into its "Authorize" box stays in the page), no referrer.
 * Its icons are {@code data:} images; the page renders and opens an operation under this policy in
 * Chromium ({@code ApiReferenceBrowserTest}).
 */
@Component
class ApiReferenceHeaders extends OncePerRequestFilter {

    static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; "
            + "frame-ancestors 'none'";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = RoutedPath.of(request);
        return !path.equals("/openapi") && !path.startsWith("/swagger-ui/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", POLICY);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        chain.doFilter(request, response);
    }
}
