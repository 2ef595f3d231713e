package dev.passerelle.server.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Renders every failure as the protocol's envelope with the catalogue's status. Unexpected
 * exceptions become {@link ApiError#BUG}: logged with the request id, answered without detail.
 */
@RestControllerAdvice
public class ApiErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);
    private static final String SATURATED_RETRY_AFTER_SECONDS = "1";

    /** Looked up per answer: the features' pages need the MVC configuration this advice is part of. */
    private final ObjectProvider<RefusalPages> pages;

    ApiErrorHandler(ObjectProvider<RefusalPages> pages) {
        this.pages = pages;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ErrorEnvelope> api(ApiException e, HttpServletRequest request) {
        return render(e, request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ErrorEnvelope> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return render(ApiError.METHOD_NOT_ALLOWED.exception(e.getMethod() + " is not allowed here"), request);
    }

    /**
     * The path as sent, whose trailing slash Spring's message drops: {@code /users/me/} named the
     * route {@code /users/me}, which exists, as the one that does not. A path among a feature's
     * browser pages (a webview URL with a trailing slash) gets that feature's page instead.
     */
    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<?> notFound(NoResourceFoundException e, HttpServletRequest request) {
        Optional<ResponseEntity<String>> page = RefusalPages.first(pages, feature -> feature.notFound(request));
        if (page.isPresent()) {
            return page.get();
        }
        String path = RoutedPath.of(request);
        String hint = path.length() > 1 && path.endsWith("/") ? " (routes end without a slash)" : "";
        return render(ApiError.NOT_FOUND.exception("No route " + e.getHttpMethod() + " " + path + hint), request);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ErrorEnvelope> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return render(ApiError.UNSUPPORTED_MEDIA_TYPE.exception(), request);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ErrorEnvelope> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
        return render(ApiError.INVALID_VALUE.exception("Responses are application/json only"), request);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ErrorEnvelope> missing(MissingServletRequestParameterException e, HttpServletRequest request) {
        return render(ApiError.MISSING_PARAMETER.exception("Missing parameter '" + e.getParameterName() + "'"), request);
    }

    /** A value of the wrong type, or a multipart file part where a text value is expected. */
    @ExceptionHandler(TypeMismatchException.class)
    ResponseEntity<ErrorEnvelope> mismatch(TypeMismatchException e, HttpServletRequest request) {
        return render(ApiError.INVALID_VALUE.exception("Invalid value for '" + e.getPropertyName() + "'"), request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ErrorEnvelope> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        return render(ApiError.INVALID_VALUE.exception("The request body cannot be read"), request);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ErrorEnvelope> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return render(ApiError.PAYLOAD_TOO_LARGE.exception(), request);
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ErrorEnvelope> multipart(MultipartException e, HttpServletRequest request) {
        return render(ApiError.INVALID_VALUE.exception("The multipart body cannot be read"), request);
    }

    /**
     * The client went away while a streamed answer was written ({@code GET /webhooks/listen}):
     * there is no one to answer and nothing went wrong on our side.
     */
    @ExceptionHandler(AsyncRequestNotUsableException.class)
    void clientGone(HttpServletResponse response) {
        // taking the response marks the request handled: nothing is written
    }

    /**
     * Every database connection stayed taken for the pool's whole wait (a burst of slow work):
     * nothing failed and nothing was written, so the client is told to come back, not that we broke.
     */
    @ExceptionHandler({CannotGetJdbcConnectionException.class, CannotCreateTransactionException.class})
    ResponseEntity<ErrorEnvelope> saturated(Exception e, HttpServletRequest request) {
        log.warn("No database connection came free for {} {}: answered 503", request.getMethod(), request.getRequestURI());
        return render(new ApiException(ApiError.SERVICE_UNAVAILABLE, ApiError.SERVICE_UNAVAILABLE.description(), null,
                Map.of(HttpHeaders.RETRY_AFTER, SATURATED_RETRY_AFTER_SECONDS)), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ErrorEnvelope> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        return render(ApiError.BUG.exception(), request);
    }

    static ResponseEntity<ErrorEnvelope> render(ApiException e, HttpServletRequest request) {
        HttpHeaders headers = new HttpHeaders();
        e.headers().forEach(headers::set);
        ErrorEnvelope body = new ErrorEnvelope(e.error().code(), e.description(), e.userMessage(), RequestIds.of(request));
        // JSON whatever the request's Accept header says: an error is never a 406 with no body.
        return ResponseEntity.status(e.error().status()).headers(headers).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
