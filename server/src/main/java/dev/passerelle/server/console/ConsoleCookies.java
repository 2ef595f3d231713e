package dev.passerelle.server.console;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The console's cookies: the session, the login form's CSRF seed, the language. All HttpOnly,
 * SameSite=Strict (another site's page can neither send nor read them), scoped to the console's
 * path (under the application's own context path, not the request's spelling of it, which may carry
 * {@code ;parameters} or percent-escapes that a cookie's path cannot), and Secure when the request came over HTTPS (directly or through a trusted proxy) unless
 * configured otherwise.
 */
@Component
class ConsoleCookies {

    static final String SESSION = "passerelle_console";
    static final String LOGIN = "passerelle_console_login";
    static final String LANGUAGE = "passerelle_console_lang";

    private final ConsoleProperties properties;

    ConsoleCookies(ConsoleProperties properties) {
        this.properties = properties;
    }

    static Optional<String> read(HttpServletRequest request, String name) {
        return Optional.ofNullable(request.getCookies()).stream().flatMap(Arrays::stream)
                .filter(cookie -> cookie.getName().equals(name)).map(Cookie::getValue).findFirst();
    }

    /** Sets a cookie for the browser's session (no expiry), or for {@code maxAge}. */
    void write(HttpServletRequest request, HttpServletResponse response, String name, String value, Duration maxAge) {
        ResponseCookie.ResponseCookieBuilder cookie = ResponseCookie.from(name, value)
                .httpOnly(true).sameSite("Strict").path(request.getServletContext().getContextPath() + ConsoleGuard.ROOT).secure(secure(request));
        if (maxAge != null) {
            cookie.maxAge(maxAge);
        }
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.build().toString());
    }

    void clear(HttpServletRequest request, HttpServletResponse response, String name) {
        write(request, response, name, "", Duration.ZERO);
    }

    private boolean secure(HttpServletRequest request) {
        return switch (properties.secureCookie()) {
            case AUTO -> request.isSecure();
            case ALWAYS -> true;
            case NEVER -> false;
        };
    }
}
