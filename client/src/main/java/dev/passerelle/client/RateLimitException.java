package dev.passerelle.client;

import java.time.Duration;
import java.util.Optional;

/**
 * 429 tooManyRequests that the retries did not overcome (docs/security.md, "Abuse limits"); {@link
 * #retryAfter()} is the server's {@code Retry-After} when it gave one.
 */
public class RateLimitException extends ApiException {

    private final Duration retryAfter;

    public RateLimitException(int status, String code, String description, String userMessage, String requestId,
                              Duration retryAfter) {
        super(status, code, description, userMessage, requestId);
        this.retryAfter = retryAfter;
    }

    /** How long the server asked to wait, if it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
