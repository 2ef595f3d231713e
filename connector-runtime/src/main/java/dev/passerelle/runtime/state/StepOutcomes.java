package dev.passerelle.runtime.state;

import dev.passerelle.connector.AuthMechanism;
import dev.passerelle.connector.ConnectorDescriptor;
import dev.passerelle.connector.Consent;
import dev.passerelle.connector.FailureReason;
import dev.passerelle.connector.FieldType;
import dev.passerelle.connector.SourceDescriptor;
import dev.passerelle.connector.StepResult;
import java.time.Duration;
import java.time.Instant;

/**
 * The one mapper from typed connector outcomes to the protocol (docs/protocol.md §3.3, §4): which
 * state a source is in after a step, which fields it asks for, when it is retried, what became of
 * the consent. Connectors never speak wire strings; nothing else in the server interprets a
 * {@link StepResult}.
 */
public final class StepOutcomes {

    public static final String CONSENT_ENDED = "Your consent to access this account has expired: please authenticate again";

    private final RetryBackoff backoff;
    private final SyncPeriods syncPeriods;

    public StepOutcomes(RetryBackoff backoff, SyncPeriods syncPeriods) {
        this.backoff = backoff;
        this.syncPeriods = syncPeriods;
    }

    /**
     * What {@code result} means for {@code source}.
     *
     * @param earlierFailures the transient failures in a row before this step (0 when the user asked for it)
     */
    public StepOutcome map(StepResult result, ConnectorDescriptor connector, String source, Instant now, int earlierFailures) {
        Instant periodic = now.plus(period(connector, result));
        return switch (result) {
            case StepResult.Success s -> new StepOutcome(null, false, null, Prompt.none(), null, null, periodic, 0,
                    s.consent(), false);
            case StepResult.Challenge c -> new StepOutcome(ConnectionState.ADDITIONAL_INFORMATION_NEEDED, false,
                    c.message(), Prompt.of(c), PendingStep.CHALLENGE, c.expiresAt(), null, 0, null, false);
            case StepResult.Decoupled d -> new StepOutcome(ConnectionState.DECOUPLED, false, d.message(), Prompt.none(),
                    PendingStep.DECOUPLED, d.expiresAt(), null, 0, null, false);
            case StepResult.Redirect r -> new StepOutcome(ConnectionState.WEBAUTH_REQUIRED, false, null, Prompt.none(),
                    PendingStep.REDIRECT, null, null, 0, null, false);
            case StepResult.ScaRequired s -> userMustAuthenticate(ConnectionState.SCA_REQUIRED, s.message(), false);
            case StepResult.WebauthRequired w -> userMustAuthenticate(ConnectionState.WEBAUTH_REQUIRED, w.message(), false);
            case StepResult.ConsentExpired e ->
                    consentEnded(connector, source, e.message() == null ? CONSENT_ENDED : e.message());
            case StepResult.Failure f -> failure(f, connector, source, now, periodic, earlierFailures);
        };
    }

    /**
     * Time to the next background sync: the connector's period, but no shorter than the institution's
     * unattended accesses a day allow ({@link Consent#frequencyPerDay}, PSD2 RTS art. 36(5): four unless
     * the user agreed to more), since each background sync is one unattended access.
     */
    private Duration period(ConnectorDescriptor connector, StepResult result) {
        Duration configured = syncPeriods.of(connector);
        Integer perDay = result instanceof StepResult.Success success && success.consent() != null
                ? success.consent().frequencyPerDay() : null;
        if (perDay == null) {
            return configured;
        }
        Duration allowed = Duration.ofDays(1).dividedBy(perDay);
        return configured.compareTo(allowed) < 0 ? allowed : configured;
    }

    /**
     * The state of a source whose consent ended (docs/protocol.md §3.6 {@code access_expire}, §12): the user must
     * authenticate again, by redirect on a source the institution reaches that way by default
     * ({@code webauthRequired}), by a strong authentication on the others ({@code SCARequired}, docs/protocol.md §4).
     * The institution is not asked.
     */
    public StepOutcome consentExpired(ConnectorDescriptor connector, String source) {
        return consentEnded(connector, source, CONSENT_ENDED);
    }

    private static StepOutcome consentEnded(ConnectorDescriptor connector, String source, String message) {
        boolean redirect = connector.source(source).map(SourceDescriptor::authMechanism)
                .filter(AuthMechanism.WEBAUTH::equals).isPresent();
        return new StepOutcome(redirect ? ConnectionState.WEBAUTH_REQUIRED : ConnectionState.SCA_REQUIRED, false,
                message, Prompt.none(), null, null, null, 0, null, true);
    }

    private static StepOutcome userMustAuthenticate(ConnectionState state, String message, boolean consentEnded) {
        return new StepOutcome(state, false, message, Prompt.none(), null, null, null, 0, null, consentEnded);
    }

    private StepOutcome failure(StepResult.Failure f, ConnectorDescriptor connector, String source, Instant now,
                                Instant periodic, int earlierFailures) {
        ConnectionState state = ConnectionState.of(f.reason());
        Prompt prompt = switch (state) {
            case WRONGPASS -> credentialFields(connector, source, false);
            case PASSWORD_EXPIRED -> credentialFields(connector, source, true);
            default -> Prompt.none();
        };
        int failures = state.kind() == ConnectionState.Kind.RETRIED ? earlierFailures + 1 : 0;
        Instant nextTry = switch (state.kind()) {
            case RETRIED -> now.plus(backoff.delay(failures, f.retryAfter()));
            // The user acts at the bank, out of band (docs/protocol.md §4): the next periodic sync finds out.
            case USER_ACTION -> state == ConnectionState.ACTION_NEEDED ? periodic : null;
            case TRANSIENT, FINAL -> null;
        };
        return new StepOutcome(state, state.failsTheCheck(), f.userMessage(), prompt, null, null, nextTry,
                failures, null, false);
    }

    /** The credential fields to ask again: all of them after a rejection, the secret ones after an expiry. */
    private static Prompt credentialFields(ConnectorDescriptor connector, String source, boolean secretOnly) {
        return Prompt.asking(connector.fieldsFor(source, AuthMechanism.CREDENTIALS).stream()
                .filter(f -> f.required() && f.type() != FieldType.LIST)
                .filter(f -> !secretOnly || f.type() == FieldType.PASSWORD)
                .toList());
    }
}
