package dev.passerelle.server.connections;

import dev.passerelle.connector.AuthMechanism;
import dev.passerelle.connector.ConnectorDescriptor;
import dev.passerelle.connector.PsuContext;
import dev.passerelle.connector.SourceDescriptor;
import dev.passerelle.runtime.RunningConnector;
import dev.passerelle.runtime.state.ConnectionState;
import dev.passerelle.runtime.state.PendingStep;
import dev.passerelle.runtime.state.StepOutcome;
import dev.passerelle.runtime.state.Transitions;
import dev.passerelle.runtime.state.Transitions.Call;
import dev.passerelle.runtime.state.Transitions.Trigger;
import dev.passerelle.server.api.ApiError;
import dev.passerelle.server.api.BodyParams;
import dev.passerelle.server.connections.ConnectionTimeline.Actor;
import dev.passerelle.server.connections.ConnectionWork.Work;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code POST /users/{u}/connections/{c}} (docs/protocol.md §3.4): answers a challenge, polls a decoupled validation,
 * changes credentials, adds or targets a source, or (empty body) forces a sync. Which connector call
 * the request leads to is the runtime's {@link Transitions} table's decision; a failed check answers
 * its error envelope.
 */
@Service
public class ConnectionUpdates {

    private final ConnectionRecords records;
    private final ConnectionSteps steps;
    private final ConnectionWork work;
    private final ConnectorChoice connectors;
    private final PostedValues posted;
    private final Connections connections;
    private final ConnectionsProperties properties;
    private final ObjectMapper json;
    private final Clock clock;

    ConnectionUpdates(ConnectionRecords records, ConnectionSteps steps, ConnectionWork work, ConnectorChoice connectors,
                      PostedValues posted, Connections connections, ConnectionsProperties properties, ObjectMapper json,
                      Clock clock) {
        this.records = records;
        this.steps = steps;
        this.work = work;
        this.connectors = connectors;
        this.posted = posted;
        this.connections = connections;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    public ConnectionResult update(long userId, long connectionId, BodyParams body, String sourceParam,
                                   boolean inBackground, PsuContext psu) {
        ConnectionRow connection = connections.get(userId, connectionId);
        RunningConnector connector = connectors.of(connection);
        ConnectorDescriptor descriptor = connector.descriptor();
        Optional<Boolean> active = body.bool("active");
        if (active.isPresent() && active.get() != connection.active()) {
            connection = connection.withActive(active.get());
            records.saveConnection(connection);
        }
        Map<String, String> values = posted.of(body);
        Optional<String> sourceName = PostedValues.source(sourceParam, body);
        boolean resume = body.bool("resume").orElse(false) || body.bool("decoupled").orElse(false);
        if (values.isEmpty() && !resume && active.isPresent() && sourceName.isEmpty()) {
            return ConnectionResult.of(connection); // only a setting changed
        }

        SourceRow source = sourceName.isPresent()
                ? sourceToUpdate(connection, descriptor, sourceName.get(), values)
                : currentSource(connection, descriptor);
        Trigger trigger = neverStarted(source)
                ? Trigger.CREDENTIALS
                : triggerFor(source, values, resume, body.bool("refresh_auth").orElse(false));
        if (trigger == Trigger.CREDENTIALS) {
            FieldValidator.forUpdate(descriptor.fieldsFor(source.name(), AuthMechanism.CREDENTIALS), values);
        }
        Map<String, String> input = trigger == Trigger.ANSWER && resume ? ConnectionSteps.RESUME : values;
        Call call = Transitions.callFor(source.state(), trigger);
        switch (call) {
            case LOCKED -> throw ApiError.CONNECTION_LOCKED.exception("A step is already running on connection "
                    + connection.id());
            case NONE -> {
                return ConnectionResult.of(connection);
            }
            default -> {
            }
        }
        Work asked = new Work(source.name(), call, input, true, psu, Actor.USER);
        if (inBackground) {
            return work.queued(connection, asked);
        }
        // A resume=true waits for the validation anyway, so it also waits out the server's own poll of
        // it; a step the client queued (the connection shows validating) still answers 409 at once.
        StepOutcome outcome = asked.pollsDecoupled() && connection.state() != ConnectionState.VALIDATING
                ? work.nowOrUntil(connection, asked, clock.instant().plus(properties.resumeWait()))
                : work.now(connection, asked);
        if (outcome != null && outcome.failed()) {
            throw StepErrors.of(outcome);
        }
        return ConnectionResult.of(connections.get(userId, connectionId));
    }

    /**
     * What an update asks of its source: answers when the posted names are exactly fields of the
     * pending challenge (or {@code resume=true}); new field values otherwise; a user-present sync
     * when nothing is posted (the SCA guide's "force the connection with no parameter"). With
     * {@code refresh_auth=true} the user authenticates again with the stored credentials and what
     * is posted, which always reaches the institution's strong authentication and renews the
     * consent (docs/protocol.md §3.4, §12).
     */
    private Trigger triggerFor(SourceRow source, Map<String, String> values, boolean resume, boolean refreshAuth) {
        if (resume) {
            return Trigger.ANSWER;
        }
        if (refreshAuth) {
            return Trigger.CREDENTIALS;
        }
        if (values.isEmpty()) {
            return Trigger.SYNC_USER_PRESENT;
        }
        if (source.pending() == PendingStep.CHALLENGE && challengeFields(source).containsAll(values.keySet())) {
            return Trigger.ANSWER;
        }
        return Trigger.CREDENTIALS;
    }

    /** A source just added to the connection: its first step is a start, whatever was posted. */
    private static boolean neverStarted(SourceRow source) {
        return source.lastUpdate() == null && source.state() == null && source.sealedSession() == null;
    }

    private Set<String> challengeFields(SourceRow source) {
        if (source.fieldsJson() == null) {
            return Set.of();
        }
        JsonNode fields = json.readTree(source.fieldsJson());
        return fields.valueStream().map(f -> f.path("name").asString()).collect(Collectors.toSet());
    }

    /** The named source of the connection, added now if the connection does not have it yet (docs/protocol.md §3.3 multi-source). */
    private SourceRow sourceToUpdate(ConnectionRow connection, ConnectorDescriptor descriptor, String name,
                                     Map<String, String> values) {
        Optional<SourceRow> existing = connectors.sourceNamed(connection.id(), name);
        if (existing.isPresent()) {
            return existing.get();
        }
        SourceDescriptor source = connectors.enabledSource(descriptor, name);
        ConnectorChoice.requireCredentials(source);
        Map<String, String> known = new LinkedHashMap<>(steps.storedCredentials(connection));
        known.putAll(values);
        FieldValidator.forCreation(descriptor.fieldsFor(name, AuthMechanism.CREDENTIALS), known);
        Instant now = clock.instant();
        records.insertSource(connection.id(), source.id(), source.name(), AuthMechanism.CREDENTIALS, now,
                now.plus(properties.pendingAdd()));
        return connectors.source(connection, name);
    }

    /** The source an update without {@code source} acts on: the first, by priority, that has a state. */
    private SourceRow currentSource(ConnectionRow connection, ConnectorDescriptor descriptor) {
        List<SourceRow> sources = connectors.enabledSources(connection, descriptor);
        return sources.stream().filter(s -> s.state() != null).findFirst()
                .or(() -> sources.stream().findFirst())
                .orElseThrow(() -> ApiError.CONFLICT.exception("Connection " + connection.id() + " has no enabled source"));
    }
}
