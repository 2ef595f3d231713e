package dev.passerelle.server.edge;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Leaves an empty {@code Accept-Patch} out of the answers to {@code OPTIONS}. Spring MVC's answer
 * lists the route's methods in {@code Allow} and always sets {@code Accept-Patch}, empty where no
 * {@code PATCH} is served; but the header is one or more media types (RFC 5789 §3.1), and its mere
 * presence says that {@code PATCH} is allowed on the resource, which is then false. Only
 * {@code OPTIONS} requests pass here.
 */
@Component
class OptionsAnswers extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"OPTIONS".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void setHeader(String name, String value) {
                if (!isEmptyAcceptPatch(name, value)) {
                    super.setHeader(name, value);
                }
            }

            @Override
            public void addHeader(String name, String value) {
                if (!isEmptyAcceptPatch(name, value)) {
                    super.addHeader(name, value);
                }
            }
        });
    }

    private static boolean isEmptyAcceptPatch(String name, String value) {
        return HttpHeaders.ACCEPT_PATCH.equalsIgnoreCase(name) && (value == null || value.isBlank());
    }
}
