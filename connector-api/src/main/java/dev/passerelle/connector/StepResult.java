package dev.passerelle.connector;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The typed outcome of an authentication or sync step. The server maps each case to the protocol in
 * exactly one place (state, HTTP status, {@code fields}); connectors never speak wire strings. What
 * the connector wants back on the next call it writes to the context's session
 * ({@link ConnectionContext#saveSession}), whatever the outcome.
 */
public sealed interface StepResult {

    /**
     * The institution accepted the step: data can be fetched.
     *
     * @param consent what the institution granted, or {@code null} when it said nothing (the server
     *                then applies its configured validity)
     */
    record Success(Consent consent) implements StepResult {

        public static Success of() {
            return new Success(null);
        }

        public static Success granting(Consent consent) {
            return new Success(Objects.requireNonNull(consent, "consent"));
        }
    }

    /**
     * The institution asks the user for more input: a one-time code, an answer to a security question,
     * a choice among SCA methods, a photoTAN read from an image. The server answers 202 with the state
     * {@code additionalInformationNeeded} and these {@link #fields()}; the user's answers come back
     * through {@link Connector#resume} as {@link Resume.Answers}, keyed by field name.
     */
    final class Challenge implements StepResult {

        private final List<FieldSpec> fields;
        private final String message;
        private final Instant expiresAt;
        private final ChallengeImage image;
        private final List<ScaMethod> scaMethods;
        private final Integer attemptsLeft;
        private final boolean cancellable;

        private Challenge(Builder b) {
            this.fields = List.copyOf(b.fields);
            if (fields.isEmpty()) {
                throw new IllegalArgumentException("a challenge asks for at least one field");
            }
            this.message = b.message;
            this.expiresAt = b.expiresAt;
            this.image = b.image;
            this.scaMethods = List.copyOf(b.scaMethods);
            this.attemptsLeft = b.attemptsLeft;
            this.cancellable = b.cancellable;
        }

        public static Builder builder() {
            return new Builder();
        }

        /** A challenge of one text field, as a one-time code asks. */
        public static Challenge ofField(String name, String label, String message, Instant expiresAt) {
            return builder().field(FieldSpec.text(name, label)).message(message).expiresAt(expiresAt).build();
        }

        /** What to ask; their names are the keys of the answers posted back. */
        public List<FieldSpec> fields() {
            return fields;
        }

        /** The institution's words for the user, or {@code null}. */
        public String message() {
            return message;
        }

        /** When the challenge stops being answerable, or {@code null}. */
        public Instant expiresAt() {
            return expiresAt;
        }

        /** An image to show with the fields (a photoTAN, a QR code to scan), or {@code null}. */
        public ChallengeImage image() {
            return image;
        }

        /** The SCA methods the user chooses from, when the challenge is that choice; empty otherwise. */
        public List<ScaMethod> scaMethods() {
            return scaMethods;
        }

        /** How many wrong answers the institution still accepts, or {@code null} when it does not say. */
        public Integer attemptsLeft() {
            return attemptsLeft;
        }

        /** Whether the user may give up; the server then calls {@link Connector#resume} with {@link Resume.Cancel}. */
        public boolean cancellable() {
            return cancellable;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Challenge other && fields.equals(other.fields) && Objects.equals(message, other.message)
                    && Objects.equals(expiresAt, other.expiresAt) && Objects.equals(image, other.image)
                    && scaMethods.equals(other.scaMethods) && Objects.equals(attemptsLeft, other.attemptsLeft)
                    && cancellable == other.cancellable;
        }

        @Override
        public int hashCode() {
            return Objects.hash(fields, message, expiresAt, image, scaMethods, attemptsLeft, cancellable);
        }

        @Override
        public String toString() {
            return "Challenge[fields=" + fields.stream().map(FieldSpec::name).toList() + ", message=" + message + "]";
        }

        /** Builds a {@link Challenge}. */
        public static final class Builder {

            private final List<FieldSpec> fields = new ArrayList<>();
            private String message;
            private Instant expiresAt;
            private ChallengeImage image;
            private final List<ScaMethod> scaMethods = new ArrayList<>();
            private Integer attemptsLeft;
            private boolean cancellable;

            private Builder() {
            }

            public Builder field(FieldSpec field) {
                fields.add(Objects.requireNonNull(field, "field"));
                return this;
            }

            public Builder fields(Collection<FieldSpec> fields) {
                fields.forEach(this::field);
                return this;
            }

            public Builder message(String message) {
                this.message = message;
                return this;
            }

            public Builder expiresAt(Instant expiresAt) {
                this.expiresAt = expiresAt;
                return this;
            }

            public Builder image(ChallengeImage image) {
                this.image = image;
                return this;
            }

            /**
             * Asks the user to choose one of {@code methods}: a list field named {@code fieldName} whose
             * values are the methods' ids.
             */
            public Builder chooseMethod(String fieldName, String label, List<ScaMethod> methods) {
                if (methods.isEmpty()) {
                    throw new IllegalArgumentException("a method choice offers at least one method");
                }
                scaMethods.addAll(methods);
                return field(new FieldSpec(fieldName, label, null, FieldType.LIST, true, null,
                        methods.stream().map(m -> new FieldSpec.Choice(m.id(), m.label())).toList(), List.of(), Set.of()));
            }

            public Builder attemptsLeft(Integer attemptsLeft) {
                if (attemptsLeft != null && attemptsLeft < 0) {
                    throw new IllegalArgumentException("attemptsLeft is not negative");
                }
                this.attemptsLeft = attemptsLeft;
                return this;
            }

            public Builder cancellable(boolean cancellable) {
                this.cancellable = cancellable;
                return this;
            }

            public Challenge build() {
                return new Challenge(this);
            }
        }
    }

    /**
     * The user must approve in another app or device (PSD2 decoupled SCA). The server polls by calling
     * {@link Connector#resume} with {@link Resume.Poll} no earlier than {@code pollAfter}, in the
     * background as well as when the client asks, until another outcome or {@code expiresAt}.
     *
     * @param message   what the user reads while waiting (the webview's waiting screen says it): whether
     *                  they have to confirm in the app, or the institution is only confirming
     * @param expiresAt when the validation can no longer be given, or {@code null} for the server's default
     */
    record Decoupled(String message, Duration pollAfter, Instant expiresAt) implements StepResult {
        public Decoupled {
            Objects.requireNonNull(pollAfter, "pollAfter");
        }
    }

    /**
     * The user must authenticate on the institution's own pages (PSD2 redirect SCA). {@code url} must
     * bring the user back to one of the {@link ConnectionContext#interaction() interaction}'s URLs; the
     * callback then comes back through {@link Connector#resume} as {@link Resume.Callback}.
     */
    record Redirect(URI url) implements StepResult {
        public Redirect {
            Objects.requireNonNull(url, "url");
        }
    }

    /** A refresh needs a new strong customer authentication that only the present user can give. */
    record ScaRequired(String message) implements StepResult {
    }

    /** A refresh needs a full redirect authentication (a consent renewed on the institution's pages). */
    record WebauthRequired(String message) implements StepResult {
    }

    /**
     * The institution says the consent ended or is no longer valid (revoked, expired early): the user
     * must authenticate again; the server asks for it the way the source is reached.
     */
    record ConsentExpired(String message) implements StepResult {
    }

    /**
     * The step failed. {@code userMessage} is the institution's text fit for the end user (never a raw
     * page or a stack trace); {@code retryAfter} is the institution's own delay, for
     * {@link FailureReason#RATE_LIMITED} in particular.
     */
    record Failure(FailureReason reason, String userMessage, Duration retryAfter) implements StepResult {
        public Failure {
            Objects.requireNonNull(reason, "reason");
        }

        public static Failure of(FailureReason reason, String userMessage) {
            return new Failure(reason, userMessage, null);
        }

        public static Failure rateLimited(String userMessage, Duration retryAfter) {
            return new Failure(FailureReason.RATE_LIMITED, userMessage, retryAfter);
        }
    }
}
