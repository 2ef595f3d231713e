package dev.passerelle.server.edge;

import dev.passerelle.server.api.ApiError;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Refuses an address that reaches the API's root only once the container has merged the slashes in
 * front of it ({@code //2.0/connectors}): Tomcat maps it to the application, but its path does not
 * start with the application's path, which Spring's parsing of the request path then rejects with an
 * exception, a 500 on every route. No route is spelt that way, as {@code /2.0//connectors} is none
 * either: 404 {@code notFound} in the envelope, before anything reads the path.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ContextPathSpelling extends OncePerRequestFilter {

    private final HandlerExceptionResolver errors;

    ContextPathSpelling(@Qualifier("handlerExceptionResolver") HandlerExceptionResolver errors) {
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getRequestURI().startsWith(request.getContextPath())) {
            chain.doFilter(request, response);
            return;
        }
        errors.resolveException(request, response, null,
                ApiError.NOT_FOUND.exception("No route " + request.getMethod() + " " + request.getRequestURI()));
    }
}
