package dev.passerelle.server.api;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Failures that happen before Spring MVC sees the request (the servlet container rejecting a
 * malformed URL, a filter) land on {@code /error}; answer them with the envelope too.
 */
@RestController
public class ErrorEndpoint implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ErrorEnvelope> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        ApiError error = switch (status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status) {
            case NOT_FOUND -> ApiError.NOT_FOUND;
            case UNAUTHORIZED -> ApiError.UNAUTHORIZED;
            case FORBIDDEN -> ApiError.FORBIDDEN;
            case METHOD_NOT_ALLOWED -> ApiError.METHOD_NOT_ALLOWED;
            case CONTENT_TOO_LARGE -> ApiError.PAYLOAD_TOO_LARGE;
            case BAD_REQUEST -> ApiError.INVALID_VALUE;
            default -> ApiError.BUG;
        };
        return ApiErrorHandler.render(error.exception(), request);
    }
}
