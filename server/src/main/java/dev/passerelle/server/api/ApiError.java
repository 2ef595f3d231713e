package dev.passerelle.server.api;

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

    private final String code;
    private final HttpStatus status;
    private final String description;

    ApiError(String code, HttpStatus status, String description) {
        this.code = code;
        this.status = status;
        this.description = description;
    }

    /**
     * The entry for a status the servlet container chose by itself (a request it refused before any
     * handler ran, or {@code sendError}): every 4xx keeps its meaning, any other client error is
     * {@link #INVALID_VALUE}; {@code 501} is the container refusing a method ({@code CONNECT}), which
     * is {@link #METHOD_NOT_ALLOWED} to a client; only a real server fault stays {@link #BUG}.
     */
    public static ApiError forContainerStatus(int status) {
        return switch (status) {
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405, 501 -> METHOD_NOT_ALLOWED;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 416 -> RANGE_NOT_SATISFIABLE;
            case 429 -> TOO_MANY_REQUESTS;
            default -> status >= 400 && status < 500 ? INVALID_VALUE : BUG;
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
