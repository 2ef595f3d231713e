package dev.passerelle.server.console;

import dev.passerelle.server.api.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The console's operators (create, delete, reset a second factor) and the signed-in operator's own
 * account (change the password, enrol an authenticator app for the second factor).
 */
@ConsoleController
class OperatorPages {

    private final Operators operators;
    private final ConsoleSessions sessions;

    OperatorPages(Operators operators, ConsoleSessions sessions) {
        this.operators = operators;
        this.sessions = sessions;
    }

    @GetMapping("/console/operators")
    String list(Operator operator, Model model) {
        model.addAttribute("operators", operators.all());
        return "console/operators";
    }

    @PostMapping("/console/operators")
    String create(Operator operator, @RequestParam(defaultValue = "") String login, @RequestParam(defaultValue = "") String password,
                  HttpServletResponse response, Model model) {
        try {
            operators.create(login, password, operator.changedBy());
        } catch (ApiException refused) {
            return refused(refused, response, model, list(operator, model));
        }
        return "redirect:/console/operators?saved";
    }

    @PostMapping("/console/operators/{id}/delete")
    String delete(Operator operator, @PathVariable long id, HttpServletResponse response, Model model) {
        try {
            operators.delete(id, operator.changedBy());
        } catch (ApiException refused) {
            return refused(refused, response, model, list(operator, model));
        }
        return "redirect:/console/operators?saved";
    }

    @PostMapping("/console/operators/{id}/second-factor")
    String resetSecondFactor(Operator operator, @PathVariable long id, HttpServletRequest request,
                             HttpServletResponse response, Model model) {
        try {
            operators.resetTotp(id, operator.changedBy());
        } catch (ApiException refused) {
            return refused(refused, response, model, list(operator, model));
        }
        endOtherSessions(id, request);
        return "redirect:/console/operators?saved";
    }

    @GetMapping("/console/account")
    String account(Operator operator, Model model) {
        return "console/account";
    }

    @PostMapping("/console/account/password")
    String password(Operator operator, @RequestParam(defaultValue = "") String current,
                    @RequestParam(defaultValue = "") String replacement, HttpServletRequest request,
                    HttpServletResponse response, Model model) {
        try {
            operators.changePassword(operator.id(), current, replacement, operator.changedBy());
        } catch (ApiException refused) {
            return refused(refused, response, model, "console/account");
        }
        endOtherSessions(operator.id(), request);
        return "redirect:/console/account?saved";
    }

    /** Starts enrolling an authenticator app: a new key, shown with its {@code otpauth://} URI (RFC 6238 apps read it). */
    @PostMapping("/console/account/second-factor")
    String startSecondFactor(Operator operator, Model model) {
        String key = operators.startTotp(operator.id());
        model.addAttribute("key", key);
        model.addAttribute("uri", UriComponentsBuilder.newInstance().scheme("otpauth").host("totp")
                .path("/Passerelle:" + operator.login()).queryParam("secret", key).queryParam("issuer", "Passerelle")
                .queryParam("digits", Totp.DIGITS).queryParam("period", Totp.STEP_SECONDS).encode().build().toUriString());
        return "console/account";
    }

    @PostMapping("/console/account/second-factor/confirm")
    String confirmSecondFactor(Operator operator, @RequestParam(defaultValue = "") String code, HttpServletRequest request,
                               HttpServletResponse response, Model model) {
        try {
            operators.confirmTotp(operator.id(), code, operator.changedBy());
        } catch (ApiException refused) {
            return refused(refused, response, model, "console/account");
        }
        endOtherSessions(operator.id(), request);
        return "redirect:/console/account?secondFactor";
    }

    /**
     * Ends the operator's sessions but the one of this request, once its credentials changed: a new
     * password, a second factor set up or removed (OWASP ASVS V3.3.3). Sessions opened without the
     * new credential, possibly by whoever made the operator change it, do not outlive it.
     */
    private void endOtherSessions(long operatorId, HttpServletRequest request) {
        ConsoleSessions.Session session = (ConsoleSessions.Session) request.getAttribute(ConsoleGuard.SESSION);
        sessions.closeOthers(operatorId, session.id());
    }

    private static String refused(ApiException refused, HttpServletResponse response, Model model, String view) {
        response.setStatus(refused.error().status().value() >= 500 ? HttpStatus.BAD_REQUEST.value()
                : refused.error().status().value());
        model.addAttribute("refusal", refused.description());
        return view;
    }
}
