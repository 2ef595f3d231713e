package dev.passerelle.server.api;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Failures that happen before Spring MVC sees the request (the servlet container rejecting a
 * malformed URL, a filter, {@code sendError}) land on {@code /error}; answer them with the envelope
 * too. Asked for directly, {@code /error} is no route of the API: 404, and none of its document.
 */
@Hidden
@RestController
public class ErrorEndpoint implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ErrorEnvelope> error(HttpServletRequest request) {
        if (request.getDispatcherType() != DispatcherType.ERROR
                || !(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer status)) {
            return ApiErrorHandler.render(ApiError.NOT_FOUND.exception("No route " + request.getMethod() + " /error"), request);
        }
        return ApiErrorHandler.render(ApiError.containerRefusal(status, request.getMethod()), request);
    }
}
