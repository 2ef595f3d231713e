package dev.passerelle.server.connections;

import dev.passerelle.connector.AuthMechanism;
import dev.passerelle.connector.ConnectorDescriptor;
import dev.passerelle.connector.PsuContext;
import dev.passerelle.connector.SourceDescriptor;
import dev.passerelle.runtime.RunningConnector;
import dev.passerelle.runtime.state.StepOutcome;
import dev.passerelle.runtime.state.Transitions.Call;
import dev.passerelle.server.api.BodyParams;
import dev.passerelle.server.connections.ConnectionSteps.Step;
import dev.passerelle.server.connections.ConnectionTimeline.Actor;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code POST /users/{u}/connections} (docs/protocol.md §3.3, [doc]): creates the connection and its first source and
 * checks the credentials at once. A failed check throws its error envelope and keeps nothing.
 */
@Service
public class ConnectionCreation {

    private static final Logger log = LoggerFactory.getLogger(ConnectionCreation.class);

    private final ConnectionRecords records;
    private final ConnectionSteps steps;
    private final ConnectorChoice connectors;
    private final PostedValues posted;
    private final Connections connections;
    private final ConnectionsProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;

    ConnectionCreation(ConnectionRecords records, ConnectionSteps steps, ConnectorChoice connectors, PostedValues posted,
                       Connections connections, ConnectionsProperties properties, TransactionTemplate tx, Clock clock) {
        this.records = records;
        this.steps = steps;
        this.connectors = connectors;
        this.posted = posted;
        this.connections = connections;
        this.properties = properties;
        this.tx = tx;
        this.clock = clock;
    }

    public ConnectionResult create(long userId, BodyParams body, String sourceParam, PsuContext psu) {
        RunningConnector connector = connectors.named(body);
        ConnectorDescriptor descriptor = connector.descriptor();
        Map<String, String> values = posted.of(body);
        SourceDescriptor source = connectors.forCreation(descriptor, PostedValues.source(sourceParam, body), values);
        FieldValidator.forCreation(descriptor.fieldsFor(source.name(), AuthMechanism.CREDENTIALS), values);

        Instant now = clock.instant();
        Instant expire = now.plus(properties.pendingAdd());
        // The connection and its first source are written, and read back, in one transaction.
        Step first = tx.execute(status -> {
            long id = records.insertConnection(userId, descriptor.id(), descriptor.uuid().toString(), null, now, expire);
            records.insertSource(id, source.id(), source.name(), AuthMechanism.CREDENTIALS, now, expire);
            ConnectionRow connection = connections.get(userId, id);
            return new Step(connection, connectors.source(connection, source.name()), connector, Call.START, values,
                    ConnectionSteps.presence(true, psu), Actor.USER);
        });
        long connectionId = first.connection().id();
        StepOutcome outcome;
        try {
            // No one else knows the connection yet: its first step needs no lease.
            outcome = steps.run(first);
        } catch (RuntimeException refused) { // a 429 of the connector's limits
            records.delete(connectionId);
            throw refused;
        }
        if (outcome.failed()) {
            records.delete(connectionId);
            log.info("Connection add on connector {} failed with {}; nothing kept", descriptor.id(), outcome.state().wire());
            throw StepErrors.of(outcome);
        }
        return ConnectionResult.of(connections.get(userId, connectionId));
    }
}
