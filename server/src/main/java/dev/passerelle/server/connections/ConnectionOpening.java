package dev.passerelle.server.connections;

import dev.passerelle.connector.AuthMechanism;
import dev.passerelle.connector.ConnectorDescriptor;
import dev.passerelle.connector.SourceDescriptor;
import dev.passerelle.runtime.lease.Leases;
import dev.passerelle.runtime.state.ConnectionState;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a new connection and its first source in one transaction, so that no reader sees the one
 * without the other. Until its first step ends the connection shows the state that step runs in, never
 * null: null says that the last sync succeeded (docs/protocol.md §4), and a client listing the user's
 * connections meanwhile would take the connection for done before the institution has answered.
 * The connection is written holding its step lease: no other step can run on it before its first has, which
 * runs through {@link ConnectionWork#first}, releasing the lease.
 */
@Component
class ConnectionOpening {

    /** A new connection and its first source, as read back. */
    record Opened(ConnectionRow connection, SourceRow source) {
    }

    private final ConnectionRecords records;
    private final Connections connections;
    private final ConnectorChoice connectors;
    private final ConnectionsProperties properties;
    private final Leases leases;
    private final TransactionTemplate tx;
    private final Clock clock;

    ConnectionOpening(ConnectionRecords records, Connections connections, ConnectorChoice connectors,
                      ConnectionsProperties properties, Leases leases, TransactionTemplate tx, Clock clock) {
        this.records = records;
        this.connections = connections;
        this.connectors = connectors;
        this.properties = properties;
        this.leases = leases;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * @param showing the connection's state until its first step records its own: {@code validating} while the
     *                credentials are checked, {@code webauthRequired} while the user is sent to the institution
     */
    Opened open(long userId, ConnectorDescriptor connector, SourceDescriptor source, AuthMechanism mechanism,
                ConnectionState showing) {
        Instant now = clock.instant();
        Instant expire = now.plus(properties.pendingAdd());
        return tx.execute(status -> {
            long id = records.insertConnection(userId, connector.id(), connector.uuid().toString(), showing, now, expire);
            records.insertSource(id, source.id(), source.name(), mechanism, now, expire);
            leases.take(id);
            ConnectionRow connection = connections.get(userId, id);
            return new Opened(connection, connectors.source(connection, source.name()));
        });
    }
}
