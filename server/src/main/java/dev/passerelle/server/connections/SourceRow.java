package dev.passerelle.server.connections;

import dev.passerelle.connector.AuthMechanism;
import dev.passerelle.connector.ConnectorDescriptor;
import dev.passerelle.runtime.state.ConnectionState;
import dev.passerelle.runtime.state.PendingStep;
import dev.passerelle.runtime.state.StepOutcome;
import java.time.Instant;
import java.util.Map;

/**
 * A {@code connection_source} row; the session stays sealed until a step opens it.
 *
 * @param mechanism         how the source was added; null on rows older than that column ({@link SourceMechanisms#resolve})
 * @param accessExpire      when the user's consent to syncs without them ends (docs/protocol.md §3.6), null when never given
 * @param lastSca           when the user last authenticated strongly on this source
 * @param transientFailures how many transient failures in a row the scheduler met; the retry backoff grows with it
 */
record SourceRow(
        long id,
        long connectionId,
        int connectorSourceId,
        String name,
        AuthMechanism mechanism,
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
     * @param sealedSession the session to keep, sealed (the previous one when the connector wrote none)
     * @param consentEnd    the new end of the user's consent: the end of the one the user just gave by
     *                      authenticating, or now when the institution says it ended; null to keep it
     */
    SourceRow after(StepOutcome outcome, String fieldsJson, String sealedSession, Instant now, Instant consentEnd) {
        return new SourceRow(id, connectionId, connectorSourceId, name, mechanism, outcome.state(),
                outcome.errorMessage(), fieldsJson, outcome.pending(), outcome.pendingUntil(), sealedSession, created,
                outcome.succeeded() ? now : lastUpdate, disabled,
                consentEnd == null ? accessExpire : consentEnd,
                consentEnd == null || !consentEnd.isAfter(now) ? lastSca : now,
                outcome.succeeded() ? null : expire, outcome.nextTry(), outcome.transientFailures());
    }

    /** This source disabled at {@code at}, or enabled again when {@code at} is null. */
    SourceRow disabledAt(Instant at) {
        return new SourceRow(id, connectionId, connectorSourceId, name, mechanism, state, errorMessage, fieldsJson,
                pending, pendingUntil, sealedSession, created, lastUpdate, at, accessExpire, lastSca, expire, nextTry,
                transientFailures);
    }

    /** This source, now reached by {@code newMechanism} (a reconnection on the institution's pages). */
    SourceRow reachedBy(AuthMechanism newMechanism) {
        return new SourceRow(id, connectionId, connectorSourceId, name, newMechanism, state, errorMessage, fieldsJson,
                pending, pendingUntil, sealedSession, created, lastUpdate, disabled, accessExpire, lastSca, expire,
                nextTry, transientFailures);
    }

    /** How the source is reached ({@link SourceMechanisms#resolve}). */
    AuthMechanism mechanism(ConnectorDescriptor connector, Map<String, String> storedCredentials) {
        return SourceMechanisms.resolve(mechanism, connector, name, storedCredentials);
    }

    /** Whether the user's consent ended by {@code now}: syncs without the user must stop (docs/protocol.md §12). */
    boolean consentExpired(Instant now) {
        return accessExpire != null && !now.isBefore(accessExpire);
    }

    @Override
    public String toString() {
        return "SourceRow[id=" + id + ", " + name + ", state=" + state + "]";
    }
}
