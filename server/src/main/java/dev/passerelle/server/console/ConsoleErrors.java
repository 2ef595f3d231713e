package dev.passerelle.server.console;

import dev.passerelle.server.api.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The console's failures as pages, not the API's JSON: a refusal of the services keeps its status
 * and shows its description; a value of the wrong type is the operator's mistake, not ours;
 * anything unexpected is logged and shown without detail. Nothing logged here quotes the request
 * (docs/security.md): neither its path nor the messages of its failures, which quote the value that
 * failed. A request the guard refused is {@link ConsoleRefusals}'.
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

    /**
     * An id in the path that is no number, or too large for one, names nothing: 404. A form or
     * query field of the wrong type is a 400 that names the field, never its value.
     */
    @ExceptionHandler(TypeMismatchException.class)
    String mismatch(TypeMismatchException e, HttpServletResponse response, Model model) {
        if (e instanceof MethodArgumentTypeMismatchException argument
                && argument.getParameter().hasParameterAnnotation(PathVariable.class)) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("messageKey", "console.error.notFound");
            return "console/error";
        }
        return invalid(e.getPropertyName(), response, model);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    String missing(MissingServletRequestParameterException e, HttpServletResponse response, Model model) {
        return invalid(e.getParameterName(), response, model);
    }

    @ExceptionHandler(Exception.class)
    String unexpected(Exception e, HttpServletRequest request, HttpServletResponse response, Model model) {
        log.error("Unexpected failure on {} {}", request.getMethod(),
                request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE), Unquoted.of(e));
        response.setStatus(HttpStatus.INTERNAL_SERVER_ERROR.value());
        model.addAttribute("messageKey", "console.error.unexpected");
        return "console/error";
    }

    private static String invalid(String field, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("messageKey", "console.error.invalidValue");
        model.addAttribute("detail", field);
        return "console/error";
    }

    /**
     * A failure's classes and stack frames, causes included, without its messages: enough to find
     * the bug, and the messages of parsers and converters quote the value they were given.
     */
    static final class Unquoted extends RuntimeException {

        private Unquoted(Throwable failure, Throwable cause) {
            super(failure.getClass().getName(), cause, false, true);
            setStackTrace(failure.getStackTrace());
        }

        static Unquoted of(Throwable failure) {
            return new Unquoted(failure, failure.getCause() == null ? null : of(failure.getCause()));
        }
    }
}
