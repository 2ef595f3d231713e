package dev.passerelle.server.connections;

import dev.passerelle.server.api.ApiError;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * {@code DELETE /users/{u}/connections/{c}}: the consents at the institution withdrawn
 * ({@link ConsentRevocations}), then a hard delete with all its data (GDPR) under the same lease, then
 * {@link ConnectionDeleted}.
 */
@Service
public class ConnectionDeletion {

    private final ConnectionRecords records;
    private final Connections connections;
    private final ConsentRevocations revocations;
    private final ApplicationEventPublisher events;

    ConnectionDeletion(ConnectionRecords records, Connections connections, ConsentRevocations revocations,
                       ApplicationEventPublisher events) {
        this.records = records;
        this.connections = connections;
        this.revocations = revocations;
        this.events = events;
    }

    public void delete(long userId, long connectionId) {
        ConnectionRow connection = connections.get(userId, connectionId);
        // Deletions of one connection at once all find it; the first to take its lease withdraws the
        // consents and deletes before letting the lease go, and the others, waiting for it, find the
        // connection gone. When no lease could be had (a long step), the DELETE's row count decides:
        // only the deletion that removed the row tells the integrator (one CONNECTION_DELETED); the
        // others answer as they would have a moment later.
        if (!revocations.revokedThen(connection.id(), () -> records.delete(connection.id()))) {
            throw ApiError.NOT_FOUND.exception("No connection " + connectionId);
        }
        events.publishEvent(new ConnectionDeleted(userId, ConnectionView.of(connection, Map.of())));
    }
}
