package dev.passerelle.server.ingestion;

import dev.passerelle.server.connections.ConnectionService;
import org.springframework.stereotype.Component;

/**
 * Checks that a {@code /connections/{id}/...} path segment names one of the user's connections, so
 * that the data routes nested under a connection answer 404 for anyone else's (PROTOCOL-NOTES §0bis).
 */
@Component
public class UserConnections {

    private final ConnectionService connections;

    public UserConnections(ConnectionService connections) {
        this.connections = connections;
    }

    /** Passes through null (no connection in the path); 404 unless the user owns the connection. */
    public Long requireOwned(long userId, Long connectionId) {
        if (connectionId != null) {
            connections.get(userId, connectionId);
        }
        return connectionId;
    }
}
