package dev.passerelle.connector;

import java.time.Duration;
import java.util.Objects;

/**
 * Thrown by a data call ({@link Connector#accounts}, {@link Connector#transactions}, the capability
 * methods) when the institution stops it: a strong authentication is required, the consent
 * expired, the institution throttles or fails. The server turns {@link #outcome()} into the source's
 * state exactly as if a step had answered it, and keeps the session the call saved.
 */
public final class Interruption extends RuntimeException {

    private final StepResult outcome;

    private Interruption(StepResult outcome, String message) {
        super(message, null, false, false);
        this.outcome = outcome;
    }

    public static Interruption scaRequired(String userMessage) {
        return new Interruption(new StepResult.ScaRequired(userMessage), userMessage);
    }

    public static Interruption webauthRequired(String userMessage) {
        return new Interruption(new StepResult.WebauthRequired(userMessage), userMessage);
    }

    public static Interruption consentExpired(String userMessage) {
        return new Interruption(new StepResult.ConsentExpired(userMessage), userMessage);
    }

    public static Interruption rateLimited(String userMessage, Duration retryAfter) {
        return new Interruption(StepResult.Failure.rateLimited(userMessage, retryAfter), userMessage);
    }

    public static Interruption failure(FailureReason reason, String userMessage) {
        return failure(reason, userMessage, null);
    }

    /**
     * A failure with the institution's own delay before the next try (a {@code Retry-After} on a 503),
     * or {@code null} when it gave none.
     */
    public static Interruption failure(FailureReason reason, String userMessage, Duration retryAfter) {
        return new Interruption(new StepResult.Failure(Objects.requireNonNull(reason, "reason"), userMessage,
                retryAfter), userMessage);
    }

    /** What the institution said, as a step outcome. */
    public StepResult outcome() {
        return outcome;
    }
}
