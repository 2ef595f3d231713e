package dev.passerelle.server.connections;

import dev.passerelle.connector.AuthMechanism;
import dev.passerelle.connector.ConnectorDescriptor;
import dev.passerelle.connector.PsuContext;
import dev.passerelle.connector.SourceDescriptor;
import dev.passerelle.runtime.RunningConnector;
import dev.passerelle.runtime.state.ConnectionState;
import dev.passerelle.runtime.state.StepOutcome;
import dev.passerelle.runtime.state.Transitions.Call;
import dev.passerelle.server.api.BodyParams;
import dev.passerelle.server.connections.ConnectionOpening.Opened;
import dev.passerelle.server.connections.ConnectionSteps.Step;
import dev.passerelle.server.connections.ConnectionTimeline.Actor;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * {@code POST /users/{u}/connections} (docs/protocol.md §3.3, [doc]): creates the connection and its first source and
 * checks the credentials at once. A failed check throws its error envelope and keeps nothing.
 */
@Service
public class ConnectionCreation {

    private static final Logger log = LoggerFactory.getLogger(ConnectionCreation.class);

    private final ConnectionRecords records;
    private final ConnectionOpening opening;
    private final ConnectionSteps steps;
    private final ConnectionWork work;
    private final ConnectorChoice connectors;
    private final PostedValues posted;
    private final Connections connections;

    ConnectionCreation(ConnectionRecords records, ConnectionOpening opening, ConnectionSteps steps, ConnectionWork work,
                       ConnectorChoice connectors, PostedValues posted, Connections connections) {
        this.records = records;
        this.opening = opening;
        this.steps = steps;
        this.work = work;
        this.connectors = connectors;
        this.posted = posted;
        this.connections = connections;
    }

    public ConnectionResult create(long userId, BodyParams body, String sourceParam, PsuContext psu) {
        RunningConnector connector = connectors.named(body);
        ConnectorDescriptor descriptor = connector.descriptor();
        Map<String, String> values = posted.of(body);
        SourceDescriptor source = connectors.forCreation(descriptor, PostedValues.source(sourceParam, body), values);
        FieldValidator.forCreation(descriptor.fieldsFor(source.name(), AuthMechanism.CREDENTIALS), values);

        Opened opened = opening.open(userId, descriptor, source, AuthMechanism.CREDENTIALS, ConnectionState.VALIDATING);
        long connectionId = opened.connection().id();
        Step first = new Step(opened.connection(), opened.source(), connector, Call.START, values,
                ConnectionSteps.presence(true, psu), Actor.USER);
        StepOutcome outcome = work.first(opened, () -> steps.run(first));
        if (outcome.failed()) {
            records.delete(connectionId);
            log.info("Connection add on connector {} failed with {}; nothing kept", descriptor.id(), outcome.state().wire());
            throw StepErrors.of(outcome);
        }
        return ConnectionResult.of(connections.get(userId, connectionId));
    }
}
