package dev.passerelle.connector;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The typed outcome of an authentication or sync step. The server maps each case to the protocol
 * in exactly one place (state, HTTP status, {@code fields}); connectors never speak wire strings.
 *
 * <p>Every case that continues a dialogue carries the {@code session} the connector wants back on
 * the next call. A {@code null} session means "keep the one you have".
 */
public sealed interface StepResult {

    /** The session to store for the next call, or {@code null} to keep the current one. */
    String session();

    /** The institution accepted the step: data can be fetched. */
    record Success(String session) implements StepResult {
    }

    /**
     * The institution asks the user for more input (OTP, SMS code, security question). The server
     * answers 202 with state {@code additionalInformationNeeded} and these {@code fields}.
     *
     * @param fields    what to ask; their names are the keys of the answer posted back
     * @param message   the institution's words for the user, or {@code null}
     * @param expiresAt when the challenge stops being answerable, or {@code null}
     */
    record Challenge(List<FieldSpec> fields, String message, Instant expiresAt, String session)
            implements StepResult {
        public Challenge {
            fields = List.copyOf(fields);
            if (fields.isEmpty()) {
                throw new IllegalArgumentException("a challenge asks for at least one field");
            }
        }
    }

    /**
     * The user must approve in another app or device (PSD2 decoupled SCA). The server polls by
     * calling {@link Connector#resume} with {@code resume=true} no earlier than {@code pollAfter}.
     */
    record Decoupled(String message, Duration pollAfter, String session) implements StepResult {
        public Decoupled {
            Objects.requireNonNull(pollAfter, "pollAfter");
        }
    }

    /**
     * The user must authenticate on the institution's own pages (PSD2 redirect SCA); the callback's
     * query parameters come back through {@link Connector#resume}.
     */
    record Redirect(URI url, String session) implements StepResult {
        public Redirect {
            Objects.requireNonNull(url, "url");
        }
    }

    /** A refresh needs a new strong customer authentication that only the present user can give. */
    record ScaRequired(String message, String session) implements StepResult {
    }

    /** A refresh needs a full redirect authentication (consent renewal on a webauth source). */
    record WebauthRequired(String message, String session) implements StepResult {
    }

    /**
     * The step failed. {@code userMessage} is the institution's text fit for the end user (never a
     * raw page or a stack trace); {@code retryAfter} is set for {@link FailureReason#RATE_LIMITED}.
     */
    record Failure(FailureReason reason, String userMessage, Duration retryAfter, String session)
            implements StepResult {
        public Failure {
            Objects.requireNonNull(reason, "reason");
        }

        public static Failure of(FailureReason reason, String userMessage) {
            return new Failure(reason, userMessage, null, null);
        }
    }
}
