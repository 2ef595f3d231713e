package dev.passerelle.server.connections;

import dev.passerelle.runtime.state.ConnectionState;
import java.time.Instant;

/**
 * A {@code connection} row. {@code state}, {@code errorMessage} and {@code fieldsJson} mirror the
 * source that decides the connection's state (docs/protocol.md §4: the error of any source is the connection's).
 */
public record ConnectionRow(
        long id,
        long userId,
        int connectorId,
        String connectorUuid,
        ConnectionState state,
        String errorMessage,
        String fieldsJson,
        boolean active,
        Instant created,
        Instant lastUpdate,
        Instant lastPush,
        Instant expire,
        Instant nextTry,
        String sealedCredentials) {

    ConnectionRow withSummary(ConnectionState newState, String newMessage, String newFields, Instant newLastUpdate,
                              Instant newExpire, Instant newNextTry) {
        return new ConnectionRow(id, userId, connectorId, connectorUuid, newState, newMessage, newFields, active,
                created, newLastUpdate, lastPush, newExpire, newNextTry, sealedCredentials);
    }

    ConnectionRow withCredentials(String sealed) {
        return new ConnectionRow(id, userId, connectorId, connectorUuid, state, errorMessage, fieldsJson, active,
                created, lastUpdate, lastPush, expire, nextTry, sealed);
    }

    ConnectionRow withActive(boolean newActive) {
        return new ConnectionRow(id, userId, connectorId, connectorUuid, state, errorMessage, fieldsJson, newActive,
                created, lastUpdate, lastPush, expire, nextTry, sealedCredentials);
    }

    @Override
    public String toString() {
        return "ConnectionRow[id=" + id + ", user=" + userId + ", state=" + state + "]";
    }
}
