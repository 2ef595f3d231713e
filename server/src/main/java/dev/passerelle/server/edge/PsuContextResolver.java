package dev.passerelle.server.edge;

import dev.passerelle.connector.PsuContext;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * The user's own request as a connector may tell its institution (Berlin Group's {@code PSU-IP-Address},
 * {@code PSU-User-Agent}, {@code PSU-Accept-Language}): the client address as the
 * {@link TrustedProxyValve} resolved it (the proxy's own address unless it is trusted), the browser
 * or app, the languages. Header values are kept printable and bounded: they travel on to a bank.
 */
@Component
class PsuContextResolver implements HandlerMethodArgumentResolver {

    /** Longer headers are cut: no bank needs more, and none should receive an attacker's megabyte. */
    static final int MAX_HEADER_LENGTH = 512;

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == PsuContext.class;
    }

    @Override
    public PsuContext resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                      WebDataBinderFactory binders) {
        HttpServletRequest http = request.getNativeRequest(HttpServletRequest.class);
        return http == null ? null : of(http);
    }

    static PsuContext of(HttpServletRequest request) {
        return new PsuContext(request.getRemoteAddr(), printable(request.getHeader(HttpHeaders.USER_AGENT)),
                printable(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE)));
    }

    private static String printable(String header) {
        if (header == null) {
            return null;
        }
        StringBuilder kept = new StringBuilder();
        header.codePoints().filter(c -> c >= 0x20 && c != 0x7f).limit(MAX_HEADER_LENGTH).forEach(kept::appendCodePoint);
        String value = kept.toString().strip();
        return value.isEmpty() ? null : value;
    }
}
