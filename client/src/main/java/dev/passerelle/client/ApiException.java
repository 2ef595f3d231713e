package dev.passerelle.client;

import java.time.Duration;
import java.util.Set;

/**
 * The API answered with an error: the protocol's envelope {@code {code, description, message,
 * request_id}} (docs/protocol.md, "Error codes"). Branch on {@link #code()}, not on the status; the
 * subclasses group the codes an integrator handles alike. {@link #userMessage()} is the institution's
 * own words for the end user, or null; {@link #requestId()} is what support asks for.
 */
public class ApiException extends PasserelleException {

    /** The codes of a failed connection step (400): the code is the connection's state (docs/connections.md). */
    private static final Set<String> CONNECTION_STATES = Set.of("wrongpass", "actionNeeded", "passwordExpired",
            "websiteUnavailable", "rateLimiting", "notSupported", "bug", "bankMessage");

    private final int status;
    private final String code;
    private final String description;
    private final String userMessage;
    private final String requestId;

    public ApiException(int status, String code, String description, String userMessage, String requestId) {
        super(status + " " + code + (description == null ? "" : ": " + description)
                + (requestId == null ? "" : " (request " + requestId + ")"));
        this.status = status;
        this.code = code;
        this.description = description;
        this.userMessage = userMessage;
        this.requestId = requestId;
    }

    /** The exception an answer of {@code status} with this envelope stands for. */
    static ApiException of(int status, String code, String description, String userMessage, String requestId,
                           Duration retryAfter) {
        return switch (status) {
            case 401 -> new AuthenticationException(status, code, description, userMessage, requestId);
            case 403 -> new PermissionException(status, code, description, userMessage, requestId);
            case 404 -> new NotFoundException(status, code, description, userMessage, requestId);
            case 409 -> new ConflictException(status, code, description, userMessage, requestId);
            case 429 -> new RateLimitException(status, code, description, userMessage, requestId, retryAfter);
            default -> {
                if (status >= 500) {
                    yield new ServerException(status, code, description, userMessage, requestId);
                }
                if (CONNECTION_STATES.contains(code)) {
                    yield new ConnectionFailedException(status, code, description, userMessage, requestId);
                }
                yield new InvalidRequestException(status, code, description, userMessage, requestId);
            }
        };
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The protocol's error code: {@code invalidValue}, {@code wrongpass}, {@code connectionLocked}, … */
    public String code() {
        return code;
    }

    /** For developers; not to be shown to end users. */
    public String description() {
        return description;
    }

    /** The institution's message for the end user, untranslated; null when there is none. */
    public String userMessage() {
        return userMessage;
    }

    /** The request's id ({@code X-Request-ID}): quote it to the server's operators. */
    public String requestId() {
        return requestId;
    }
}
