package dev.passerelle.server.auth;

import dev.passerelle.server.api.ApiError;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Turns {@code Authorization: Bearer <token>} into a {@link Caller} (docs/protocol.md §1.1). A
 * controller parameter of type {@link Caller} requires one (401 {@code unauthorized} otherwise);
 * {@link #optional} serves endpoints where authentication is optional ({@code POST /auth/init}).
 * The caller is resolved once per request, so a single-use code is spent once.
 */
@Component
public class Callers implements HandlerMethodArgumentResolver {

    private static final String ATTRIBUTE = Callers.class.getName();

    private final TokenService tokens;
    private final ConfigToken configToken;
    private final UsersToken usersToken;

    public Callers(TokenService tokens, ConfigToken configToken, UsersToken usersToken) {
        this.tokens = tokens;
        this.configToken = configToken;
        this.usersToken = usersToken;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class || parameter.getParameterType() == Caller.Admin.class;
    }

    @Override
    public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest web,
                                  WebDataBinderFactory binders) {
        Caller caller = required(web.getNativeRequest(HttpServletRequest.class));
        if (parameter.getParameterType() == Caller.Admin.class && !(caller instanceof Caller.Admin)) {
            throw ApiError.FORBIDDEN.exception("This route needs the config token");
        }
        return caller;
    }

    /** The caller, or 401. */
    public Caller required(HttpServletRequest request) {
        return optional(request).orElseThrow(() -> ApiError.UNAUTHORIZED.exception(
                request.getHeader(HttpHeaders.AUTHORIZATION) == null
                        ? "Send 'Authorization: Bearer <token>'"
                        : "The token is malformed, expired, spent or revoked"));
    }

    /** The caller if the request carries a valid token; a present but invalid token is still a 401. */
    public Optional<Caller> optional(HttpServletRequest request) {
        Object cached = request.getAttribute(ATTRIBUTE);
        if (cached instanceof Caller caller) {
            return Optional.of(caller);
        }
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String token = bearer(header);
        Caller caller = configToken.matches(token) ? new Caller.Admin()
                : usersToken.matches(token) ? new Caller.UsersReader()
                : tokens.resolve(token).orElseThrow(() -> ApiError.UNAUTHORIZED.exception(
                        "The token is malformed, expired, spent or revoked"));
        request.setAttribute(ATTRIBUTE, caller);
        return Optional.of(caller);
    }

    /**
     * The token of {@code Authorization: Bearer <token>} (RFC 6750 §2.1), the scheme in any case and
     * separated by any whitespace. Read by hand: a regular expression compiled for every request was
     * a visible part of a page's cost (docs/performance.md, P2).
     */
    private static String bearer(String header) {
        String value = header.trim();
        int end = 0;
        while (end < value.length() && " \t\n\u000B\f\r".indexOf(value.charAt(end)) < 0) {
            end++;
        }
        String token = value.substring(end).trim();
        if (!value.substring(0, end).equalsIgnoreCase("Bearer") || token.isBlank()) {
            throw ApiError.UNAUTHORIZED.exception("Use the 'Bearer' authorization scheme");
        }
        return token;
    }
}
