package dev.passerelle.server.connections;

import java.time.Instant;

/** A {@code connection_source} row; the session stays sealed until a step opens it. */
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
        Instant expire,
        Instant nextTry) {

    /** This source after a step with {@code outcome}, at {@code now}. */
    SourceRow after(StepOutcome outcome, String fieldsJson, String newSealedSession, Instant now) {
        return new SourceRow(id, connectionId, connectorSourceId, name, outcome.state(), outcome.errorMessage(),
                fieldsJson, outcome.pending(), outcome.pendingUntil(),
                newSealedSession == null ? sealedSession : newSealedSession, created,
                outcome.succeeded() ? now : lastUpdate, disabled, accessExpire,
                outcome.succeeded() ? null : expire, outcome.nextTry());
    }

    @Override
    public String toString() {
        return "SourceRow[id=" + id + ", " + name + ", state=" + state + "]";
    }
}
