package dev.passerelle.server.console;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A request {@link ConsoleGuard} refused (no session, a missing or stale CSRF token) is a 403 page,
 * whatever answers its path: the guard runs on every path under {@code /console}, also on those no
 * console page maps (an empty segment, a trailing slash), whose handler {@link ConsoleErrors} does
 * not advise. Before {@link ConsoleErrors}, whose catch-all would otherwise take the refusal.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleRefusals {

    @ExceptionHandler(ConsoleRefusal.class)
    String refused(ConsoleRefusal refusal, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.FORBIDDEN.value());
        model.addAttribute("messageKey", refusal.messageKey());
        return "console/error";
    }
}
