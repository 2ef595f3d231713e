package dev.passerelle.server.api;

import java.util.Map;
import java.util.Objects;

/**
 * A failure to answer with the protocol's error envelope. Thrown anywhere below a controller; the
 * {@link ApiErrorHandler} renders it.
 *
 * <p>Two audiences, two texts (as Stripe's SDK separates them): {@code description} is for the
 * integrator's developer, {@code message} is the institution's words for the end user, or null.
 */
public class ApiException extends RuntimeException {

    private final ApiError error;
    private final String description;
    private final String userMessage;
    private final Map<String, String> headers;

    public ApiException(ApiError error, String description, String userMessage) {
        this(error, description, userMessage, Map.of());
    }

    public ApiException(ApiError error, String description, String userMessage, Map<String, String> headers) {
        super(error.code() + ": " + description, null, false, false);
        this.error = Objects.requireNonNull(error, "error");
        this.description = description;
        this.userMessage = userMessage;
        this.headers = Map.copyOf(headers);
    }

    public ApiError error() {
        return error;
    }

    public String description() {
        return description;
    }

    public String userMessage() {
        return userMessage;
    }

    /** Extra response headers, such as {@code Retry-After}. */
    public Map<String, String> headers() {
        return headers;
    }
}
