package dev.passerelle.server.connectors;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The languages the current request's user reads ({@code Accept-Language}, RFC 9110 §12.5.4), to
 * pick connector field labels in (the webview sends its page's language). None outside a request,
 * or without the header: labels stay the connector's own, as Powens publishes them.
 */
public final class UserLanguages {

    private UserLanguages() {
    }

    public static List<Locale.LanguageRange> current() {
        return Optional.ofNullable(RequestContextHolder.getRequestAttributes())
                .filter(ServletRequestAttributes.class::isInstance)
                .map(attributes -> ((ServletRequestAttributes) attributes).getRequest())
                .map(UserLanguages::of)
                .orElse(List.of());
    }

    private static List<Locale.LanguageRange> of(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
        if (header == null || header.isBlank()) {
            return List.of();
        }
        try {
            return Locale.LanguageRange.parse(header);
        } catch (IllegalArgumentException malformed) {
            return List.of();
        }
    }
}
