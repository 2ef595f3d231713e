package dev.passerelle.server.api;

import java.util.Set;
import org.springframework.http.HttpStatus;

/**
 * The one catalogue of errors Passerelle answers, with their wire {@code code} and HTTP status
 * (docs/protocol.md §11.2). Clients branch on the code, not on the status [doc: errors].
 * The error table of {@code docs/protocol.md} lists every code; a test keeps the two in step.
 */
public enum ApiError {
    UNAUTHORIZED("unauthorized", HttpStatus.UNAUTHORIZED, "Missing, malformed, expired or revoked token."),
    FORBIDDEN("forbidden", HttpStatus.FORBIDDEN, "This token may not act on this resource."),
    NOT_FOUND("notFound", HttpStatus.NOT_FOUND, "No such resource for this token."),
    METHOD_NOT_ALLOWED("methodNotAllowed", HttpStatus.METHOD_NOT_ALLOWED, "This method is not allowed on this route."),
    MISSING_PARAMETER("missingParameter", HttpStatus.BAD_REQUEST, "A required parameter is missing."),
    INVALID_VALUE("invalidValue", HttpStatus.BAD_REQUEST, "A parameter has an invalid value."),
    CONFLICT("invalidValue", HttpStatus.CONFLICT, "The resource is in a state that does not allow this call."),
    UNSUPPORTED_MEDIA_TYPE("unsupportedMediaType", HttpStatus.UNSUPPORTED_MEDIA_TYPE,
            "Send JSON, form-urlencoded or multipart bodies."),
    PAYLOAD_TOO_LARGE("payloadTooLarge", HttpStatus.CONTENT_TOO_LARGE, "The request body is too large."),
    /** A {@code Range} header on a static file that names no byte of it (RFC 9110 §15.5.17). */
    RANGE_NOT_SATISFIABLE("invalidValue", HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE, "The Range header cannot be satisfied."),
    /** An {@code Expect} header other than {@code 100-continue} (RFC 9110 §10.1.1). */
    EXPECTATION_FAILED("invalidValue", HttpStatus.EXPECTATION_FAILED, "Only 'Expect: 100-continue' is understood."),
    TOO_MANY_REQUESTS("tooManyRequests", HttpStatus.TOO_MANY_REQUESTS, "Too many requests; retry later."),
    /** A field value failed the connector's metadata: required, regex or list values (docs/protocol.md §3.3, observed). */
    CONFIG("config", HttpStatus.BAD_REQUEST, "A connector field value is invalid."),
    CONNECTION_LOCKED("connectionLocked", HttpStatus.CONFLICT, "Another operation is running on this connection."),
    NO_ACCOUNT("noAccount", HttpStatus.CONFLICT, "No account is enabled on this user."),
    // Connection-step failures: the code is the ConnectionState wire string (docs/protocol.md §3.3, §4).
    WRONGPASS("wrongpass", HttpStatus.BAD_REQUEST, "The institution rejected the credentials."),
    ACTION_NEEDED("actionNeeded", HttpStatus.BAD_REQUEST, "The user must act on the institution's website."),
    PASSWORD_EXPIRED("passwordExpired", HttpStatus.BAD_REQUEST, "The user must change the password at the institution."),
    WEBSITE_UNAVAILABLE("websiteUnavailable", HttpStatus.BAD_REQUEST, "The institution is unavailable."),
    RATE_LIMITING("rateLimiting", HttpStatus.BAD_REQUEST, "The institution rate-limits this connection."),
    NOT_SUPPORTED("notSupported", HttpStatus.BAD_REQUEST, "This source is not supported for this user."),
    CONNECTOR_BUG("bug", HttpStatus.BAD_REQUEST, "The connector failed; the connection will be retried."),
    /**
     * The server is saturated (no database connection came free in time): transient, and retried
     * like a 429 (RFC 9110 §15.6.4, with {@code Retry-After}).
     */
    SERVICE_UNAVAILABLE("serviceUnavailable", HttpStatus.SERVICE_UNAVAILABLE, "The server is busy; retry after the delay in Retry-After."),
    /** Unexpected fault on our side. The envelope never carries a stack trace. */
    BUG("bug", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error; quote the request id when reporting it.");

    /** The methods the API's routes take: a 501 on one of them is not about the method. */
    private static final Set<String> SERVED_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private final String code;
    private final HttpStatus status;
    private final String description;

    ApiError(String code, HttpStatus status, String description) {
        this.code = code;
        this.status = status;
        this.description = description;
    }

    /**
     * The answer to a status the servlet container chose by itself (a request it refused before any
     * handler ran, or {@code sendError}): every 4xx keeps its meaning, any other client error is
     * {@link #INVALID_VALUE}. A {@code 501} on a method the server does not know ({@code CONNECT},
     * {@code FOO}) is the container refusing that method, {@link #METHOD_NOT_ALLOWED} to a client; on
     * one it knows, it is a transfer coding the container does not implement (RFC 9112 §6.1), and a
     * {@code 505} the client's HTTP version: both are the client's to change, so they are answered as
     * its error (400), saying what to send. Only a real server fault stays {@link #BUG}.
     */
    public static ApiException containerRefusal(int status, String method) {
        return switch (status) {
            case 400 -> INVALID_VALUE.exception("The request cannot be read: its request line, a header or a cookie"
                    + " is malformed, or the headers are too large");
            case 401 -> UNAUTHORIZED.exception();
            case 403 -> FORBIDDEN.exception();
            case 404 -> NOT_FOUND.exception();
            case 405 -> METHOD_NOT_ALLOWED.exception();
            case 413 -> PAYLOAD_TOO_LARGE.exception();
            case 415 -> UNSUPPORTED_MEDIA_TYPE.exception();
            case 416 -> RANGE_NOT_SATISFIABLE.exception();
            case 417 -> EXPECTATION_FAILED.exception();
            case 429 -> TOO_MANY_REQUESTS.exception();
            case 501 -> SERVED_METHODS.contains(method)
                    ? INVALID_VALUE.exception("The body's transfer coding is not implemented:"
                            + " send it with Content-Length, or chunked")
                    : METHOD_NOT_ALLOWED.exception();
            case 505 -> INVALID_VALUE.exception("Send HTTP/1.1 (or HTTP/1.0) requests");
            default -> (status >= 400 && status < 500 ? INVALID_VALUE : BUG).exception();
        };
    }

    /** The wire {@code code}. */
    public String code() {
        return code;
    }

    public HttpStatus status() {
        return status;
    }

    /** Default developer-facing description. */
    public String description() {
        return description;
    }

    /** An exception carrying this error with its default description. */
    public ApiException exception() {
        return new ApiException(this, description, null);
    }

    /** An exception carrying this error with a specific developer-facing description. */
    public ApiException exception(String description) {
        return new ApiException(this, description, null);
    }
}
