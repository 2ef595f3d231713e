package dev.passerelle.server.console;

import dev.passerelle.server.api.RoutedPath;
import dev.passerelle.server.config.ConditionalOnSandboxMode;
import dev.passerelle.server.console.ConsoleSessions.Session;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every console page's layout reads: the operator signed in, where the page is, sandbox mode. */
@ControllerAdvice(annotations = ConsoleController.class)
class ConsoleModel {

    private final boolean sandbox;

    ConsoleModel(@Value("${" + ConditionalOnSandboxMode.PROPERTY + ":false}") boolean sandbox) {
        this.sandbox = sandbox;
    }

    @ModelAttribute
    void shared(HttpServletRequest request, Model model) {
        if (request.getAttribute(ConsoleGuard.SESSION) instanceof Session session && !session.secondFactorPending()) {
            model.addAttribute("operator", session.operator());
        }
        model.addAttribute("path", RoutedPath.of(request));
        model.addAttribute("sandbox", sandbox);
    }
}
