package dev.passerelle.server.api;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
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

    private static final String REFUSAL = ErrorEndpoint.class.getName() + ".refusal";

    /**
     * A filter's refusal, answered with the envelope of {@code refused} (its code, status, description
     * and headers): the filter runs before the dispatcher and its exception handlers, so the refusal is
     * rendered on the container's error dispatch, as any other {@code sendError}.
     */
    public static void refuse(HttpServletRequest request, HttpServletResponse response, ApiException refused)
            throws IOException {
        request.setAttribute(REFUSAL, refused);
        response.sendError(refused.error().status().value());
    }

    @RequestMapping("/error")
    ResponseEntity<ErrorEnvelope> error(HttpServletRequest request) {
        if (request.getDispatcherType() != DispatcherType.ERROR
                || !(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer status)) {
            return ApiErrorHandler.render(ApiError.NOT_FOUND.exception("No route " + request.getMethod() + " /error"), request);
        }
        return ApiErrorHandler.render(request.getAttribute(REFUSAL) instanceof ApiException refused ? refused
                : ApiError.forContainerStatus(status).exception(), request);
    }
}
