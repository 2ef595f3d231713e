package dev.passerelle.server.connections;

import dev.passerelle.connector.ConnectionContext;
import dev.passerelle.connector.Connector;
import dev.passerelle.server.api.ApiError;
import dev.passerelle.server.connectors.ConnectorRegistry;
import java.time.Clock;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Opens a connection source for data calls (accounts, transactions, documents): loads the
 * connection's sealed credentials and the source's sealed session and hands them, decrypted, to
 * the connector through a {@link ConnectionContext}. Nothing is cached in memory, so any server
 * instance can serve any connection.
 */
@Component
public class SourceSessions {

    private final JdbcClient jdbc;
    private final CredentialVault vault;
    private final ConnectorRegistry connectors;
    private final Clock clock;

    public SourceSessions(JdbcClient jdbc, CredentialVault vault, ConnectorRegistry connectors, Clock clock) {
        this.jdbc = jdbc;
        this.vault = vault;
        this.connectors = connectors;
        this.clock = clock;
    }

    /** The source {@code sourceId} of its connection, with the user absent (a background data call). */
    public OpenSource open(long sourceId) {
        Row row = jdbc.sql("""
                SELECT c.id AS connection_id, c.id_user, c.id_connector, c.credentials, s.name, s.session
                FROM connection_source s JOIN connection c ON c.id = s.id_connection
                WHERE s.id = :id""")
                .param("id", sourceId)
                .query((rs, n) -> new Row(rs.getLong("connection_id"), rs.getLong("id_user"), rs.getInt("id_connector"),
                        rs.getString("credentials"), rs.getString("name"), rs.getString("session")))
                .optional()
                .orElseThrow(() -> ApiError.NOT_FOUND.exception("No connection source " + sourceId));
        Connector connector = connectors.byId(row.connectorId())
                .orElseThrow(() -> ApiError.NOT_FOUND.exception("Connector " + row.connectorId() + " is not enabled"));
        ConnectionContext context = new ConnectionContext(row.connectionId(), row.source(),
                vault.openCredentials(row.credentials()), Set.of(), vault.openSession(row.session()), false, clock,
                connectors.settings(connector.descriptor()), null);
        return new OpenSource(connector, context, row.userId(), row.connectionId(), sourceId);
    }

    private record Row(long connectionId, long userId, int connectorId, String credentials, String source,
                       String session) {
    }
}
