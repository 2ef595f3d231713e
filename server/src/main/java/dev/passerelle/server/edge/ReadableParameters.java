package dev.passerelle.server.edge;

import dev.passerelle.server.api.ApiError;
import dev.passerelle.server.api.ApiException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Parses every request's parameters (query string, form or multipart body) once, up front, and
 * answers 400 {@code invalidValue} when the container cannot: bytes that are not valid in the
 * declared charset (UTF-8 by default), a parameter without a name, more than
 * {@code server.tomcat.max-parameter-count}, a NUL character. Done here, such a request is refused the same way
 * whichever code would have read a parameter first (a filter, an interceptor, a controller), and
 * never as a 500. The container's message quotes the offending name and value, which may be a
 * password: it is neither logged nor answered.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class ReadableParameters extends OncePerRequestFilter {

    static final String DESCRIPTION = "The parameters cannot be read: each needs a name, valid percent-encoding"
            + " of its charset (UTF-8 unless the Content-Type names another), and there may be at most %d of them";
    static final String NUL = "Parameters may not contain the NUL character";

    private final HandlerExceptionResolver errors;
    private final int maxParameters;

    public ReadableParameters(@Qualifier("handlerExceptionResolver") HandlerExceptionResolver errors,
                              @Value("${server.tomcat.max-parameter-count:1000}") int maxParameters) {
        this.errors = errors;
        this.maxParameters = maxParameters;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (IllegalStateException e) {
            errors.resolveException(request, response, null, refusal(e));
            return;
        }
        if (parameters.entrySet().stream().anyMatch(ReadableParameters::hasNul)) {
            errors.resolveException(request, response, null, ApiError.INVALID_VALUE.exception(NUL));
            return;
        }
        chain.doFilter(request, response);
    }

    /** No text of the protocol holds U+0000, and PostgreSQL refuses to store or compare it. */
    private static boolean hasNul(Map.Entry<String, String[]> parameter) {
        return parameter.getKey().indexOf(0) >= 0 || Arrays.stream(parameter.getValue()).anyMatch(v -> v.indexOf(0) >= 0);
    }

    private ApiException refusal(IllegalStateException e) {
        if (e instanceof InvalidParameterException invalid
                && invalid.getErrorCode() == HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE) {
            return ApiError.PAYLOAD_TOO_LARGE.exception();
        }
        return ApiError.INVALID_VALUE.exception(DESCRIPTION.formatted(maxParameters));
    }
}
