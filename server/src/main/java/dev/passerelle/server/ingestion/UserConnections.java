package dev.passerelle.server.ingestion;

import dev.passerelle.server.api.ApiError;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Checks that a {@code /connections/{id}/...} path segment names one of the user's connections, so
 * that the data routes nested under a connection answer 404 for anyone else's (PROTOCOL-NOTES §0bis).
 */
@Component
public class UserConnections {

    private final JdbcClient jdbc;

    public UserConnections(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Passes through null (no connection in the path); 404 unless the user owns the connection. */
    public Long requireOwned(long userId, Long connectionId) {
        if (connectionId != null && jdbc.sql("SELECT COUNT(*) FROM connection WHERE id = :c AND id_user = :u")
                .param("c", connectionId).param("u", userId).query(Long.class).single() == 0) {
            throw ApiError.NOT_FOUND.exception("No connection " + connectionId);
        }
        return connectionId;
    }
}
