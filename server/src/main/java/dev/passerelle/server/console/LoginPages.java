package dev.passerelle.server.console;

import dev.passerelle.server.api.WireFormat;
import dev.passerelle.server.console.ConsoleSessions.Session;
import dev.passerelle.server.console.Operators.LoginRefused;
import dev.passerelle.server.console.Operators.LoginResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Signing in and out: the password form, then, for an operator with a second factor, the TOTP
 * code form; a new session token at each step (no session fixation), and logout. A refusal says
 * the same for an unknown login and a wrong password; a locked login says until when.
 */
@ConsoleController
class LoginPages {

    private final Operators operators;
    private final ConsoleSessions sessions;
    private final ConsoleCookies cookies;
    private final WireFormat wire;

    LoginPages(Operators operators, ConsoleSessions sessions, ConsoleCookies cookies, WireFormat wire) {
        this.operators = operators;
        this.sessions = sessions;
        this.cookies = cookies;
        this.wire = wire;
    }

    @GetMapping(ConsoleGuard.LOGIN)
    String loginForm() {
        return "console/login";
    }

    @PostMapping(ConsoleGuard.LOGIN)
    String logIn(@RequestParam(required = false) String login, @RequestParam(required = false) String password,
                 HttpServletRequest request, HttpServletResponse response, Model model) {
        LoginResult result = operators.logIn(login, password);
        if (result.refused() != null) {
            return refused(result.refused(), response, model, "console/login");
        }
        ConsoleCookies.read(request, ConsoleCookies.SESSION).ifPresent(sessions::close);
        boolean secondFactor = result.operator().totpEnabled();
        cookies.write(request, response, ConsoleCookies.SESSION, sessions.open(result.operator(), secondFactor), null);
        if (!secondFactor) {
            operators.loggedIn(result.operator());
        }
        return "redirect:" + (secondFactor ? ConsoleGuard.SECOND_FACTOR : ConsoleGuard.ROOT);
    }

    @GetMapping(ConsoleGuard.SECOND_FACTOR)
    String codeForm(HttpServletRequest request) {
        return pending(request) ? "console/login-code" : "redirect:" + ConsoleGuard.ROOT;
    }

    @PostMapping(ConsoleGuard.SECOND_FACTOR)
    String secondFactor(@RequestParam(required = false) String code, HttpServletRequest request,
                        HttpServletResponse response, Model model) {
        Session session = (Session) request.getAttribute(ConsoleGuard.SESSION);
        if (!session.secondFactorPending()) {
            return "redirect:" + ConsoleGuard.ROOT;
        }
        LoginResult result = operators.secondFactor(session.operator().id(), code);
        if (result.refused() != null) {
            if (result.refused() instanceof LoginRefused.Locked) {
                ConsoleCookies.read(request, ConsoleCookies.SESSION).ifPresent(sessions::close);
            }
            return refused(result.refused(), response, model, "console/login-code");
        }
        ConsoleCookies.read(request, ConsoleCookies.SESSION).ifPresent(sessions::close);
        cookies.write(request, response, ConsoleCookies.SESSION, sessions.open(result.operator(), false), null);
        operators.loggedIn(result.operator());
        return "redirect:" + ConsoleGuard.ROOT;
    }

    @PostMapping(ConsoleGuard.ROOT + "/logout")
    String logOut(HttpServletRequest request, HttpServletResponse response) {
        ConsoleCookies.read(request, ConsoleCookies.SESSION).ifPresent(sessions::close);
        cookies.clear(request, response, ConsoleCookies.SESSION);
        return "redirect:" + ConsoleGuard.LOGIN + "?out";
    }

    private String refused(LoginRefused refusal, HttpServletResponse response, Model model, String view) {
        switch (refusal) {
            case LoginRefused.WrongCredentials wrong -> {
                response.setStatus(HttpStatus.UNAUTHORIZED.value());
                model.addAttribute("error", "console.login.wrong");
            }
            case LoginRefused.Locked locked -> {
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                model.addAttribute("error", "console.login.locked");
                model.addAttribute("lockedUntil", wire.format(locked.until()));
            }
        }
        return view;
    }

    private static boolean pending(HttpServletRequest request) {
        return request.getAttribute(ConsoleGuard.SESSION) instanceof Session session && session.secondFactorPending();
    }
}
