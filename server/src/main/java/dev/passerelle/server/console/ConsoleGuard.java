package dev.passerelle.server.console;

import dev.passerelle.server.api.RoutedPath;
import dev.passerelle.server.console.ConsoleSessions.Session;
import dev.passerelle.server.crypto.Secrets;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * In front of every console request (its headers are {@link ConsoleHeaders}'): the operator's
 * session (none: to the login page; password given but not the second factor: to the code page);
 * and the CSRF token of every state-changing request, compared in constant time (missing or wrong:
 * 403). The login form, before any session, carries a token bound to a cookie of its own (double
 * submit).
 */
@Component
class ConsoleGuard implements HandlerInterceptor {

    /** Request attribute: the {@link Session}. */
    static final String SESSION = ConsoleGuard.class.getName() + ".session";
    /** Request attribute: the CSRF token forms carry. */
    static final String CSRF = ConsoleGuard.class.getName() + ".csrf";
    static final String CSRF_FIELD = "_csrf";
    static final String ROOT = "/console";
    static final String LOGIN = ROOT + "/login";
    static final String SECOND_FACTOR = LOGIN + "/code";
    static final String ASSETS = ROOT + "/assets/";
    /** The methods that change nothing (RFC 9110 §9.2.1; TRACE is off in Tomcat): no CSRF token, and no session sends to the login page. */
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
    private static final int LOGIN_SEED_BYTES = 32;

    private final ConsoleSessions sessions;
    private final ConsoleCookies cookies;

    ConsoleGuard(ConsoleSessions sessions, ConsoleCookies cookies) {
        this.sessions = sessions;
        this.cookies = cookies;
    }

    /** Whether the request is the console's, its path read as routed: {@code /console;x/login} is the login page too. */
    static boolean isConsole(HttpServletRequest request) {
        return isConsole(RoutedPath.of(request));
    }

    /** Whether a path, as routed, is the console's. */
    static boolean isConsole(String path) {
        return path.equals(ROOT) || path.startsWith(ROOT + "/");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        if (!isConsole(request)) {
            return true;
        }
        String path = RoutedPath.of(request);
        if (path.startsWith(ASSETS)) {
            return true;
        }
        Optional<String> language = Optional.ofNullable(request.getParameter("lang")).flatMap(ConsoleLanguage::supported)
                .map(locale -> locale.getLanguage());
        language.ifPresent(code -> cookies.write(request, response, ConsoleCookies.LANGUAGE, code, Duration.ofDays(365)));
        if (path.equals(LOGIN)) {
            return loginForm(request, response);
        }
        Optional<Session> session = sessions.resolve(ConsoleCookies.read(request, ConsoleCookies.SESSION).orElse(null));
        if (session.isEmpty()) {
            if (SAFE.contains(request.getMethod())) {
                response.sendRedirect(request.getContextPath() + LOGIN);
                return false;
            }
            throw new ConsoleRefusal("console.error.sessionEnded");
        }
        request.setAttribute(SESSION, session.get());
        request.setAttribute(CSRF, session.get().csrf());
        checkCsrf(request, session.get().csrf());
        boolean codePage = path.equals(SECOND_FACTOR) || path.equals(ROOT + "/logout");
        if (session.get().secondFactorPending() && !codePage) {
            response.sendRedirect(request.getContextPath() + SECOND_FACTOR);
            return false;
        }
        return true;
    }

    /** The login form: a seed cookie for its CSRF token, which a POST must carry. */
    private boolean loginForm(HttpServletRequest request, HttpServletResponse response) {
        Optional<String> seed = ConsoleCookies.read(request, ConsoleCookies.LOGIN).filter(value -> !value.isBlank());
        if (!SAFE.contains(request.getMethod())) {
            String expected = seed.map(value -> ConsoleSessions.csrf(value, "login"))
                    .orElseThrow(() -> new ConsoleRefusal("console.error.formExpired"));
            checkCsrf(request, expected);
            request.setAttribute(CSRF, expected);
            return true;
        }
        String value = seed.orElseGet(() -> {
            String fresh = Secrets.random(LOGIN_SEED_BYTES);
            cookies.write(request, response, ConsoleCookies.LOGIN, fresh, null);
            return fresh;
        });
        request.setAttribute(CSRF, ConsoleSessions.csrf(value, "login"));
        return true;
    }

    private static void checkCsrf(HttpServletRequest request, String expected) {
        if (SAFE.contains(request.getMethod())) {
            return;
        }
        String given = request.getParameter(CSRF_FIELD);
        if (given == null || inAddress(request) || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8))) {
            throw new ConsoleRefusal("console.error.formExpired");
        }
    }

    /**
     * Whether the query string names a token. Forms send it in their body; one in the address was
     * leaked there (browser history, proxies' logs: OWASP CSRF Prevention Cheat Sheet, never in URLs)
     * and is refused. The query has been read already ({@code ReadableParameters}), so it decodes.
     */
    private static boolean inAddress(HttpServletRequest request) {
        String query = request.getQueryString();
        return query != null && Arrays.stream(query.split("&")).map(parameter -> parameter.split("=", 2)[0])
                .anyMatch(name -> URLDecoder.decode(name, StandardCharsets.UTF_8).equals(CSRF_FIELD));
    }
}
