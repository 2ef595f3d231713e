package dev.passerelle.server.console;

import dev.passerelle.server.api.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * The console's failures as pages, not the API's JSON: a refusal of the services keeps its status
 * and shows its description; anything unexpected is logged and shown without detail. A request the
 * guard refused is {@link ConsoleRefusals}'.
 */
@ControllerAdvice(annotations = ConsoleController.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ConsoleErrors {

    private static final Logger log = LoggerFactory.getLogger(ConsoleErrors.class);

    @ExceptionHandler(ApiException.class)
    String apiRefused(ApiException refusal, HttpServletResponse response, Model model) {
        response.setStatus(refusal.error().status().value());
        model.addAttribute("messageKey", "console.error.refused");
        model.addAttribute("detail", refusal.description());
        return "console/error";
    }

    @ExceptionHandler(Exception.class)
    String unexpected(Exception e, HttpServletRequest request, HttpServletResponse response, Model model) {
        log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        response.setStatus(HttpStatus.INTERNAL_SERVER_ERROR.value());
        model.addAttribute("messageKey", "console.error.unexpected");
        return "console/error";
    }
}
