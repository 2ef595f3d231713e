package dev.passerelle.server.connections;

import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** {@code DELETE /users/{u}/connections/{c}}: hard delete with all its data (GDPR), then {@link ConnectionDeleted}. */
@Service
public class ConnectionDeletion {

    private final ConnectionRecords records;
    private final Connections connections;
    private final ApplicationEventPublisher events;

    ConnectionDeletion(ConnectionRecords records, Connections connections, ApplicationEventPublisher events) {
        this.records = records;
        this.connections = connections;
        this.events = events;
    }

    public void delete(long userId, long connectionId) {
        ConnectionRow connection = connections.get(userId, connectionId);
        records.delete(connection.id());
        events.publishEvent(new ConnectionDeleted(userId, ConnectionView.of(connection, Map.of())));
    }
}
