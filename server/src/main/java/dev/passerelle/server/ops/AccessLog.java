package dev.passerelle.server.ops;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One log line per request on logger {@code passerelle.access}, when
 * {@code passerelle.access-log.enabled=true}: method, path, status, duration and client address,
 * also as key-value pairs (fields of the JSON logs, named as the Elastic Common Schema names them).
 * The query string is never logged, nor any header or body: authorization codes, webauth states
 * and client secrets travel there. It runs inside {@code RequestIds}, so the line carries the
 * request's id.
 */
@Component
@ConditionalOnBooleanProperty("passerelle.access-log.enabled")
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class AccessLog extends OncePerRequestFilter {

    static final String LOGGER = "passerelle.access";

    private static final Logger log = LoggerFactory.getLogger(LOGGER);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long started = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            String path = request.getRequestURI(); // the path only: getRequestURI() never includes the query
            log.atInfo()
                    .addKeyValue("http.request.method", request.getMethod())
                    .addKeyValue("url.path", path)
                    .addKeyValue("http.response.status_code", response.getStatus())
                    .addKeyValue("event.duration", TimeUnit.MILLISECONDS.toNanos(millis))
                    .addKeyValue("client.address", request.getRemoteAddr())
                    .log("{} {} {} {} ms {}", request.getMethod(), path, response.getStatus(), millis,
                            request.getRemoteAddr());
        }
    }
}
