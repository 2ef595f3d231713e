package dev.passerelle.server.limits;

import dev.passerelle.server.api.RoutedPath;
import dev.passerelle.server.crypto.Secrets;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Applies the rate limits before a handler runs: every {@code /auth/*} call is limited per client
 * address (they check secrets or mint tokens), and connection creation per token and per address
 * (each one makes the server call an institution). Limits answer 429 {@code tooManyRequests} with
 * {@code Retry-After} in the protocol's envelope.
 */
@Component
public class RateLimitInterceptor implements HandlerInterceptor {

    private final RateLimiter limiter;
    private final LimitsProperties limits;

    public RateLimitInterceptor(RateLimiter limiter, LimitsProperties limits) {
        this.limiter = limiter;
        this.limits = limits;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String path = RoutedPath.of(request);
        String address = "addr:" + request.getRemoteAddr();
        if (path.startsWith("/auth/")) {
            limiter.acquire("auth|" + address, limits.authPerMinute());
        } else if ("POST".equals(request.getMethod()) && path.matches("/users/[^/]+/connections/?")) {
            limiter.acquire("connection-create|" + address, limits.connectionCreatesPerAddressPerMinute());
            String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
            if (authorization != null) {
                limiter.acquire("connection-create|token:" + Secrets.sha256(authorization),
                        limits.connectionCreatesPerMinute());
            }
        }
        return true;
    }
}
