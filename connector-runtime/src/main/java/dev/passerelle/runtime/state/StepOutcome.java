package dev.passerelle.runtime.state;

import dev.passerelle.connector.Consent;
import java.time.Instant;
import java.util.Objects;

/**
 * What one connector step means for its source, in protocol terms: the state the source is now
 * in, what to ask the user, when the scheduler should try again, and what became of the consent.
 *
 * @param state             the new state, or null when the step succeeded
 * @param failed            the check failed (answered as an error envelope on creation and on
 *                          {@code POST} updates); a refused decoupled validation is not a failed check
 * @param errorMessage      the institution's words for the user, or null
 * @param prompt            what the state asks the user for
 * @param pending           the interactive step {@code resume} continues, or null
 * @param pendingUntil      when that step stops being answerable, or null
 * @param nextTry           when the scheduler may sync this source again, or null (never unattended)
 * @param transientFailures transient failures in a row including this step's; 0 when it ended otherwise
 * @param granted           the consent the institution says it granted, or null (the server's validity)
 * @param consentEnded      the institution says the consent ended: it ends now
 */
public record StepOutcome(
        ConnectionState state,
        boolean failed,
        String errorMessage,
        Prompt prompt,
        PendingStep pending,
        Instant pendingUntil,
        Instant nextTry,
        int transientFailures,
        Consent granted,
        boolean consentEnded) {

    public StepOutcome {
        Objects.requireNonNull(prompt, "prompt");
    }

    public boolean succeeded() {
        return state == null;
    }
}
