package dev.passerelle.server.connections;

import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * {@code DELETE /users/{u}/connections/{c}}: the consents at the institution withdrawn
 * ({@link ConsentRevocations}), then a hard delete with all its data (GDPR), then {@link ConnectionDeleted}.
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
        revocations.revoke(connection.id());
        records.delete(connection.id());
        events.publishEvent(new ConnectionDeleted(userId, ConnectionView.of(connection, Map.of())));
    }
}
