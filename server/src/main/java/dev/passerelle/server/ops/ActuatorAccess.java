package dev.passerelle.server.ops;

import dev.passerelle.server.api.ApiError;
import dev.passerelle.server.api.ApiException;
import dev.passerelle.server.api.RoutedPath;
import dev.passerelle.server.auth.Caller;
import dev.passerelle.server.auth.Callers;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * On the API's port, the actuator's endpoints other than the health probes need the config token
 * ({@code Authorization: Bearer <config token>}, RFC 6750 §2.1): the metrics tell anyone who reads them
 * the API's traffic by route and status, its connectors' outcomes and the JVM's state, which is nobody's
 * business on a public address. The probes stay public, as load balancers and Kubernetes call them
 * without a token. With a management port ({@code management.server.port}) the actuator is served by a
 * context of its own, which this filter is no part of: that port is for the operator's network only
 * (docs/operations.md, "Metrics").
 */
@Component
class ActuatorAccess extends OncePerRequestFilter {

    private static final String ACTUATOR = "actuator";
    private static final String HEALTH = "health";

    private final Callers callers;
    /** Answers a refusal with the envelope, as a handler's would be: the filter runs before any handler. */
    private final HandlerExceptionResolver errors;

    ActuatorAccess(Callers callers, @Qualifier("handlerExceptionResolver") HandlerExceptionResolver errors) {
        this.callers = callers;
        this.errors = errors;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = RoutedPath.of(request);
        if (!path.contains(ACTUATOR)) {
            return true; // nearly every request: no segments to split
        }
        List<String> segments = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
        return segments.isEmpty() || !segments.getFirst().equals(ACTUATOR) || isHealthProbe(segments);
    }

    /** {@code /actuator/health} and its groups, spelt plainly: a dot segment could climb out of them. */
    private static boolean isHealthProbe(List<String> segments) {
        return segments.size() >= 2 && segments.get(1).equals(HEALTH)
                && segments.stream().noneMatch(s -> s.equals(".") || s.equals(".."));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            Caller caller = callers.required(request);
            if (!(caller instanceof Caller.Admin)) {
                throw ApiError.FORBIDDEN.exception("The actuator needs the config token on the API's port");
            }
        } catch (ApiException refused) {
            errors.resolveException(request, response, null, refused);
            return;
        }
        chain.doFilter(request, response);
    }
}
