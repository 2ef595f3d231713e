package dev.passerelle.server.connections;

import java.time.Instant;

/**
 * A {@code connection_source} row; the session stays sealed until a step opens it.
 *
 * @param accessExpire      when the user's consent to syncs without them ends (§3.6), null when never given
 * @param lastSca           when the user last authenticated strongly on this source
 * @param transientFailures how many transient failures in a row the scheduler met; the retry backoff grows with it
 */
record SourceRow(
        long id,
        long connectionId,
        int connectorSourceId,
        String name,
        ConnectionState state,
        String errorMessage,
        String fieldsJson,
        PendingStep pending,
        Instant pendingUntil,
        String sealedSession,
        Instant created,
        Instant lastUpdate,
        Instant disabled,
        Instant accessExpire,
        Instant lastSca,
        Instant expire,
        Instant nextTry,
        int transientFailures) {

    /**
     * This source after a step with {@code outcome}, at {@code now}.
     *
     * @param consentEnd the end of the consent the user just gave by authenticating, or null when
     *                   the step was no strong authentication (the consent is kept as it was)
     */
    SourceRow after(StepOutcome outcome, String fieldsJson, String newSealedSession, Instant now, Instant consentEnd) {
        return new SourceRow(id, connectionId, connectorSourceId, name, outcome.state(), outcome.errorMessage(),
                fieldsJson, outcome.pending(), outcome.pendingUntil(),
                newSealedSession == null ? sealedSession : newSealedSession, created,
                outcome.succeeded() ? now : lastUpdate, disabled,
                consentEnd == null ? accessExpire : consentEnd, consentEnd == null ? lastSca : now,
                outcome.succeeded() ? null : expire, outcome.nextTry(), outcome.transientFailures());
    }

    /** This source disabled at {@code at}, or enabled again when {@code at} is null. */
    SourceRow disabledAt(Instant at) {
        return new SourceRow(id, connectionId, connectorSourceId, name, state, errorMessage, fieldsJson, pending,
                pendingUntil, sealedSession, created, lastUpdate, at, accessExpire, lastSca, expire, nextTry,
                transientFailures);
    }

    /** Whether the user's consent ended by {@code now}: syncs without the user must stop (§12). */
    boolean consentExpired(Instant now) {
        return accessExpire != null && !now.isBefore(accessExpire);
    }

    @Override
    public String toString() {
        return "SourceRow[id=" + id + ", " + name + ", state=" + state + "]";
    }
}
