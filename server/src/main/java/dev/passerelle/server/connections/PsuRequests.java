package dev.passerelle.server.connections;

import dev.passerelle.connector.PsuContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The user's own request, as a connector may tell it to the institution (PSD2: Berlin Group's
 * {@code PSU-IP-Address}, mandatory when a consent is asked, {@code PSU-User-Agent},
 * {@code PSU-Accept-Language}): the HTTP request a user-present step runs in. The client address is the
 * one the edge resolved behind trusted proxies ({@code docs/security.md}). Background work has none.
 */
final class PsuRequests {

    /** A header longer than this is cut: institutions cap what they accept. */
    static final int MAX_HEADER = 512;

    private PsuRequests() {
    }

    static Optional<PsuContext> current() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return Optional.empty();
        }
        HttpServletRequest request = attributes.getRequest();
        return Optional.of(new PsuContext(request.getRemoteAddr(), header(request, "User-Agent"),
                header(request, "Accept-Language")));
    }

    private static String header(HttpServletRequest request, String name) {
        String value = request.getHeader(name);
        return value == null || value.isBlank() ? null : value.length() > MAX_HEADER ? value.substring(0, MAX_HEADER) : value;
    }
}
