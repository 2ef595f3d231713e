package dev.passerelle.server.connections;

import dev.passerelle.connector.AuthMechanism;
import dev.passerelle.connector.ConnectorDescriptor;
import dev.passerelle.connector.PsuContext;
import dev.passerelle.connector.SourceDescriptor;
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
import java.util.function.UnaryOperator;
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
        ConnectorDescriptor descriptor = connectors.of(connection).descriptor();
        // Every member is read and checked before any is applied, so that a 400 leaves the connection
        // as it was whatever else the body carries (docs/protocol.md §3.4).
        Request request = Request.read(body, sourceParam, posted);
        if (request.onlySettings()) {
            return ConnectionResult.of(applySettings(connection, request));
        }
        Optional<SourceRow> existing = request.source().isPresent()
                ? connectors.sourceNamed(connection.id(), request.source().get())
                : Optional.of(currentSource(connection, descriptor));
        String sourceName = existing.map(SourceRow::name).orElseGet(() -> request.source().orElseThrow());
        if (existing.isEmpty()) {
            checkAddable(connection, descriptor, sourceName, request.values());
        }
        Trigger trigger = existing.filter(s -> !neverStarted(s)).map(s -> triggerFor(s, request))
                .orElse(Trigger.CREDENTIALS);
        if (trigger != Trigger.ANSWER || request.resume()) {
            // Only answers to a challenge are not the connector's fields; with resume=true the posted
            // values are not used, but a bad one is refused as it would be alone.
            FieldValidator.forUpdate(descriptor.fieldsFor(sourceName, AuthMechanism.CREDENTIALS), request.values());
        }
        Call call = Transitions.callFor(existing.map(SourceRow::state).orElse(null), trigger);
        if (call == Call.LOCKED) {
            throw ApiError.CONNECTION_LOCKED.exception("A step is already running on connection " + connection.id());
        }

        UnaryOperator<ConnectionRow> ownChanges = current -> {
            ConnectionRow changed = applySettings(current, request);
            if (existing.isEmpty()) {
                addSource(changed, descriptor, sourceName);
            }
            return changed;
        };
        if (call == Call.NONE) {
            return ConnectionResult.of(ownChanges.apply(connection));
        }
        Map<String, String> input = trigger == Trigger.ANSWER && request.resume() ? ConnectionSteps.RESUME : request.values();
        Work asked = new Work(sourceName, call, input, true, psu, Actor.USER);
        if (inBackground) {
            return work.queued(connection, asked, ownChanges);
        }
        // A resume=true waits for the validation anyway, so it also waits out the server's own poll of
        // it; a step the client queued (the connection shows validating) still answers 409 at once.
        StepOutcome outcome = asked.pollsDecoupled() && connection.state() != ConnectionState.VALIDATING
                ? work.nowOrUntil(connection, asked, clock.instant().plus(properties.resumeWait()), ownChanges)
                : work.now(connection, asked, ownChanges);
        if (outcome != null && outcome.failed()) {
            throw StepErrors.of(outcome);
        }
        return ConnectionResult.of(connections.get(userId, connectionId));
    }

    /**
     * The members of an update body, every one read and type-checked whatever the others are
     * ({@code decoupled} is an older name of {@code resume}); field values end-to-end decrypted.
     */
    private record Request(Optional<Boolean> active, boolean resume, boolean refreshAuth, Optional<String> source,
                           Map<String, String> values) {

        static Request read(BodyParams body, String sourceParam, PostedValues posted) {
            Optional<Boolean> active = body.bool("active");
            boolean resume = body.bool("resume").orElse(false);
            boolean decoupled = body.bool("decoupled").orElse(false);
            boolean refreshAuth = body.bool("refresh_auth").orElse(false);
            return new Request(active, resume || decoupled, refreshAuth, PostedValues.source(sourceParam, body),
                    posted.of(body));
        }

        /** Whether the body only changes settings of the connection and asks no step of a source. */
        boolean onlySettings() {
            return active.isPresent() && values.isEmpty() && !resume && !refreshAuth && source.isEmpty();
        }

        @Override
        public String toString() {
            return "Request" + values.keySet(); // names only: values may be credentials
        }
    }

    private ConnectionRow applySettings(ConnectionRow connection, Request request) {
        if (request.active().isEmpty() || request.active().get() == connection.active()) {
            return connection;
        }
        ConnectionRow changed = connection.withActive(request.active().get());
        records.saveConnection(changed);
        return changed;
    }

    /**
     * What an update asks of its source: answers when the posted names are exactly fields of the
     * pending challenge (or {@code resume=true}); new field values otherwise; a user-present sync
     * when nothing is posted (the SCA guide's "force the connection with no parameter"). With
     * {@code refresh_auth=true} the user authenticates again with the stored credentials and what
     * is posted, which always reaches the institution's strong authentication and renews the
     * consent (docs/protocol.md §3.4, §12).
     */
    private Trigger triggerFor(SourceRow source, Request request) {
        Map<String, String> values = request.values();
        if (request.resume()) {
            return Trigger.ANSWER;
        }
        if (request.refreshAuth()) {
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

    /**
     * Checks that the connection may add the named source (docs/protocol.md §3.3 multi-source): an
     * enabled credentials source whose fields, with the stored credentials, are complete and valid.
     */
    private void checkAddable(ConnectionRow connection, ConnectorDescriptor descriptor, String name,
                              Map<String, String> values) {
        ConnectorChoice.requireCredentials(connectors.enabledSource(descriptor, name));
        Map<String, String> known = new LinkedHashMap<>(steps.storedCredentials(connection));
        known.putAll(values);
        FieldValidator.forCreation(descriptor.fieldsFor(name, AuthMechanism.CREDENTIALS), known);
    }

    /** Adds a source {@link #checkAddable} accepted; its first step is a start, whatever was posted. */
    private void addSource(ConnectionRow connection, ConnectorDescriptor descriptor, String name) {
        SourceDescriptor source = connectors.enabledSource(descriptor, name);
        Instant now = clock.instant();
        records.insertSource(connection.id(), source.id(), source.name(), AuthMechanism.CREDENTIALS, now,
                now.plus(properties.pendingAdd()));
    }

    /** The source an update without {@code source} acts on: the first, by priority, that has a state. */
    private SourceRow currentSource(ConnectionRow connection, ConnectorDescriptor descriptor) {
        List<SourceRow> sources = connectors.enabledSources(connection, descriptor);
        return sources.stream().filter(s -> s.state() != null).findFirst()
                .or(() -> sources.stream().findFirst())
                .orElseThrow(() -> ApiError.CONFLICT.exception("Connection " + connection.id() + " has no enabled source"));
    }
}
