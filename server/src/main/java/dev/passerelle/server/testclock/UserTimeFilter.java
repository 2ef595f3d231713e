package dev.passerelle.server.testclock;

import dev.passerelle.server.api.ApiException;
import dev.passerelle.server.api.RoutedPath;
import dev.passerelle.server.auth.Caller;
import dev.passerelle.server.auth.Callers;
import dev.passerelle.server.config.ConditionalOnSandboxMode;
import dev.passerelle.server.config.UserTime;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sandbox mode: a request about one user runs in that user's time ({@link UserTime}), so every
 * expiry and timestamp of the request follows the user's clock. The user is the one a user token
 * stands for, or {@code /users/{id}/...} for the config token. A request with a token that does not
 * resolve runs in server time, and its handler answers 401 as usual.
 */
@Component
@ConditionalOnSandboxMode
class UserTimeFilter extends OncePerRequestFilter {

    private static final Pattern USER_PATH = Pattern.compile("/users/(\\d{1,18})(/.*)?");

    private final Callers callers;
    private final UserClocks clocks;

    UserTimeFilter(Callers callers, UserClocks clocks) {
        this.callers = callers;
        this.clocks = clocks;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        OptionalLong user = userOf(request);
        if (user.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        clocks.reload(user.getAsLong());
        try (UserTime.Scope ignored = UserTime.enter(user.getAsLong())) {
            chain.doFilter(request, response);
        }
    }

    private OptionalLong userOf(HttpServletRequest request) {
        Optional<Caller> caller;
        try {
            caller = callers.optional(request);
        } catch (ApiException unresolved) {
            return OptionalLong.empty();
        }
        return switch (caller.orElse(null)) {
            case Caller.User user -> OptionalLong.of(user.userId());
            case Caller.Admin admin -> pathUser(request);
            case Caller.UsersReader reader -> OptionalLong.empty();
            case null -> OptionalLong.empty();
        };
    }

    private static OptionalLong pathUser(HttpServletRequest request) {
        Matcher path = USER_PATH.matcher(RoutedPath.of(request));
        return path.matches() ? OptionalLong.of(Long.parseLong(path.group(1))) : OptionalLong.empty();
    }
}
