package dev.passerelle.server.connections;

import dev.passerelle.connector.AuthMechanism;
import dev.passerelle.connector.Connector;
import dev.passerelle.connector.ConnectorDescriptor;
import dev.passerelle.connector.FieldSpec;
import dev.passerelle.connector.Interaction;
import dev.passerelle.connector.Resume;
import dev.passerelle.connector.SourceDescriptor;
import dev.passerelle.connector.StepResult;
import dev.passerelle.server.api.ApiError;
import dev.passerelle.server.api.ApiException;
import dev.passerelle.server.api.BodyParams;
import dev.passerelle.server.connections.ConnectionSteps.Step;
import dev.passerelle.server.connections.ConnectionTimeline.Actor;
import dev.passerelle.server.connections.ConnectionTransitions.Call;
import dev.passerelle.server.connections.ConnectionTransitions.Trigger;
import dev.passerelle.server.connectors.ConnectorRegistry;
import dev.passerelle.server.e2e.FieldDecryptor;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The "add a connection" protocol (PROTOCOL-NOTES §3.3–3.5, §4): creation with a synchronous
 * check, updates that answer, resume, add a source or change credentials, and syncs. Which
 * connector call each request leads to is {@link ConnectionTransitions}'s decision; what its result
 * means is {@link StepOutcomes}'s. One step at a time runs on a connection (a lease in the database,
 * so it holds across server instances); a concurrent call gets 409 {@code connectionLocked}. Steps
 * asked with {@code background=true} go through the {@link BackgroundQueue}, so any instance runs them.
 */
@Service
public class ConnectionService {

    private static final Logger log = LoggerFactory.getLogger(ConnectionService.class);

    /** Body keys that steer the call rather than carry field values (§3.3, §3.4). */
    private static final Set<String> META = Set.of("id_connector", "connector_uuid", "id_bank", "id_provider", "source",
            "active", "expire", "resume", "decoupled", "refresh_auth", "background", "expand", "psu_requested");

    /** States a web authentication resolves (§5.4: webauth, and SCA or consent renewal). */
    private static final Set<ConnectionState> AWAITING_WEBAUTH = EnumSet.of(ConnectionState.WEBAUTH_REQUIRED,
            ConnectionState.SCA_REQUIRED);

    private final ConnectionRecords records;
    private final ConnectionSteps steps;
    private final ConnectorRegistry registry;
    private final FieldDecryptor decryptor;
    private final ConnectionTimeline timeline;
    private final ConnectionsProperties properties;
    private final ObjectMapper json;
    private final BackgroundQueue queue;
    private final CredentialVault vault;
    private final ConsentRevocations revocations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ConnectionService(ConnectionRecords records, ConnectionSteps steps, ConnectorRegistry registry,
                      FieldDecryptor decryptor, ConnectionTimeline timeline, ConnectionsProperties properties,
                      ObjectMapper json, BackgroundQueue queue, CredentialVault vault,
                      ConsentRevocations revocations, ApplicationEventPublisher events, Clock clock) {
        this.records = records;
        this.steps = steps;
        this.registry = registry;
        this.decryptor = decryptor;
        this.timeline = timeline;
        this.properties = properties;
        this.json = json;
        this.queue = queue;
        this.vault = vault;
        this.revocations = revocations;
        this.events = events;
        this.clock = clock;
    }

    /** What a request did to a connection: the connection now, and how to answer. */
    public record Result(ConnectionRow connection, Reply reply) {
    }

    /** How a connection call is answered on the wire. */
    public enum Reply {
        /** 200: nothing waits on the user. */
        DONE,
        /** 202: the user must act ({@code fields}, decoupled, SCA) or the step runs in the background. */
        PENDING
    }

    /**
     * {@code POST /users/{u}/connections}: creates the connection and its first source and checks the
     * credentials at once. A failed check throws its error envelope and keeps nothing (§3.3, [doc]).
     */
    public Result create(long userId, BodyParams body, String sourceParam) {
        Connector connector = connectorOf(body);
        ConnectorDescriptor descriptor = connector.descriptor();
        Map<String, String> values = fieldValues(body);
        SourceDescriptor source = sourceForCreation(descriptor, firstNonBlank(sourceParam, body.string("source")), values);
        FieldValidator.forCreation(descriptor.fieldsFor(source.name(), AuthMechanism.CREDENTIALS), values);

        Instant now = clock.instant();
        Instant expire = now.plus(properties.pendingAdd());
        long connectionId = records.insertConnection(userId, descriptor.id(), descriptor.uuid().toString(), null, now, expire);
        records.insertSource(connectionId, source.id(), source.name(), AuthMechanism.CREDENTIALS, now, expire);
        ConnectionRow connection = load(userId, connectionId);
        StepOutcome outcome;
        try {
            outcome = steps.run(new Step(connection, source(connection, source.name()), connector, Call.START,
                    values, true, Actor.USER));
        } catch (RuntimeException refused) { // a 429 of the connector's limits, or a broken connector
            records.delete(connectionId);
            throw refused;
        }
        if (outcome.failed()) {
            records.delete(connectionId);
            log.info("Connection add on connector {} failed with {}; nothing kept", descriptor.id(), outcome.state().wire());
            throw failure(outcome);
        }
        return answer(load(userId, connectionId));
    }

    /**
     * {@code POST /users/{u}/connections/{c}} (§3.4): answers a challenge, polls a decoupled
     * validation, changes credentials, adds or targets a source, or (empty body) forces a sync.
     */
    public Result update(long userId, long connectionId, BodyParams body, String sourceParam, boolean inBackground) {
        ConnectionRow connection = load(userId, connectionId);
        Connector connector = connector(connection);
        ConnectorDescriptor descriptor = connector.descriptor();
        Optional<Boolean> active = body.bool("active");
        if (active.isPresent() && active.get() != connection.active()) {
            connection = connection.withActive(active.get());
            records.saveConnection(connection);
        }
        Map<String, String> values = fieldValues(body);
        Optional<String> sourceName = firstNonBlank(sourceParam, body.string("source"));
        boolean resume = body.bool("resume").orElse(false) || body.bool("decoupled").orElse(false);
        if (values.isEmpty() && !resume && active.isPresent() && sourceName.isEmpty()) {
            return answer(connection); // only a setting changed
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
        return step(connection, source, connector, trigger, input, inBackground, true);
    }

    /**
     * {@code PUT /users/{u}/connections/{c}} (§3.5): syncs every enabled source in priority order.
     * {@code psu_requested=false} means the user is absent: no strong authentication may start.
     * Failures stay on the connection as its state; the answer is the connection, not an error.
     */
    public Result sync(long userId, long connectionId, boolean psuRequested, boolean inBackground, Actor actor) {
        ConnectionRow connection = load(userId, connectionId);
        Connector connector = connector(connection);
        Trigger trigger = psuRequested ? Trigger.SYNC_USER_PRESENT : Trigger.SYNC_USER_ABSENT;
        List<SourceRow> sources = enabledSources(connection, connector.descriptor());
        for (SourceRow source : sources) {
            if (ConnectionTransitions.callFor(source.state(), trigger) == Call.LOCKED) {
                throw ApiError.CONNECTION_LOCKED.exception("A step is already running on connection " + connectionId);
            }
        }
        Work work = Work.sync(psuRequested, actor);
        if (inBackground) {
            return queued(connection, work);
        }
        leased(connection, () -> perform(userId, connectionId, work));
        return answer(load(userId, connectionId));
    }

    /**
     * Runs a step taken from the {@link BackgroundQueue}, on whichever instance picked it, under the
     * lease the request that queued it took; the lease is released and the connection's summary
     * recomputed (it leaves {@code validating}) whatever happens.
     */
    public void runQueued(BackgroundStep queued) {
        Work work = new Work(queued.source(), queued.call() == null ? null : Call.valueOf(queued.call()),
                queued.sealedInput() == null ? Map.of() : vault.openCredentials(queued.sealedInput()),
                queued.psuRequested(), queued.actor());
        try {
            perform(queued.userId(), queued.connectionId(), work);
        } catch (RuntimeException e) {
            log.warn("Background step on connection {} failed", queued.connectionId(), e);
        } finally {
            records.release(queued.connectionId());
            records.connection(queued.userId(), queued.connectionId())
                    .ifPresent(c -> registry.byId(c.connectorId()).ifPresent(k -> steps.summarize(c, k.descriptor())));
        }
    }

    /**
     * {@code DELETE /users/{u}/connections/{c}}: the consents at the institution withdrawn, then a hard
     * delete with all its data (GDPR), then {@link ConnectionDeleted}.
     */
    public void delete(long userId, long connectionId) {
        ConnectionRow connection = load(userId, connectionId);
        revocations.revoke(connection.id());
        records.delete(connection.id());
        events.publishEvent(new ConnectionDeleted(userId, ConnectionView.of(connection, Map.of())));
    }

    public ConnectionRow get(long userId, long connectionId) {
        return load(userId, connectionId);
    }

    public List<ConnectionRow> list(long userId) {
        return records.connections(userId);
    }

    public List<SourceRow> sources(long userId, long connectionId) {
        return records.sources(load(userId, connectionId).id());
    }

    /** {@code POST …/sources/{s}} {@code {disabled}}: a disabled source is skipped by syncs (§3.2). */
    public SourceRow setSourceDisabled(long userId, long connectionId, long sourceId, boolean disabled) {
        ConnectionRow connection = load(userId, connectionId);
        SourceRow source = records.sources(connectionId).stream().filter(s -> s.id() == sourceId).findFirst()
                .orElseThrow(() -> ApiError.NOT_FOUND.exception("No source " + sourceId + " on connection " + connectionId));
        Instant now = clock.instant();
        SourceRow changed = source.disabledAt(disabled ? now : null);
        records.saveSource(changed);
        steps.summarize(connection, connector(connection).descriptor());
        timeline.record(connectionId, source.name(), Actor.USER, source.state(), source.state(),
                disabled ? "source disabled" : "source enabled", now);
        return changed;
    }

    /**
     * The connection source a web authentication (§5) runs on, resolved and checked before any
     * browser is involved.
     *
     * @param connectionId the connection to reconnect, or null for a new connection
     * @param source       the source to add or reset
     */
    public record RedirectTarget(int connectorId, Long connectionId, String source) {
    }

    /**
     * Where a web authentication step left its connection source.
     *
     * @param redirect     the institution's page to send the browser to, or null when the step ended
     * @param state        the source's state (null: authenticated, data fetched; another user-action
     *                     state such as {@code additionalInformationNeeded}: authenticated, more to ask)
     * @param errorMessage the institution's words for the user, or null
     */
    public record RedirectStep(long connectionId, String source, URI redirect, ConnectionState state,
                               String errorMessage) {

        /** The user did not authorize at the institution: the source still waits for a web authentication. */
        public boolean denied() {
            return redirect == null && AWAITING_WEBAUTH.contains(state);
        }

        /** The step failed on the institution's or the connector's side. */
        public boolean failed() {
            return redirect == null && state != null && state.failureError().isPresent();
        }
    }

    /**
     * {@code GET /webauth-url} and {@code /webauth} (§5.1, §5.4): the source a web authentication
     * targets. New connection: the named source, or the connector's first that accepts web
     * authentication. Reconnection: the named source (added if the connection lacks it), or the first
     * that waits on {@code webauthRequired} or {@code SCARequired}; 409 {@code invalidValue} when the
     * connection needs no web authentication.
     */
    public RedirectTarget redirectTarget(long userId, String connectorKey, Long connectionId, String sourceName) {
        Optional<String> named = firstNonBlank(sourceName, Optional.empty());
        if (connectionId == null) {
            if (connectorKey == null || connectorKey.isBlank()) {
                throw ApiError.MISSING_PARAMETER.exception("Give 'connector_uuid' (or 'id_connector'), or "
                        + "'id_connection' to reconnect");
            }
            ConnectorDescriptor descriptor = enabledConnector(connectorKey).descriptor();
            SourceDescriptor source = named.map(name -> webauthSource(descriptor, name))
                    .or(() -> registry.enabledSources(descriptor).stream()
                            .filter(s -> s.availableAuthMechanisms().contains(AuthMechanism.WEBAUTH)).findFirst())
                    .orElseThrow(() -> ApiError.INVALID_VALUE.exception("Connector " + descriptor.id()
                            + " has no source added by web authentication; use POST /users/me/connections"));
            return new RedirectTarget(descriptor.id(), null, source.name());
        }
        ConnectionRow connection = load(userId, connectionId);
        ConnectorDescriptor descriptor = connector(connection).descriptor();
        if (connectorKey != null && !connectorKey.isBlank()
                && registry.find(connectorKey).map(c -> c.descriptor().id() != descriptor.id()).orElse(true)) {
            throw ApiError.INVALID_VALUE.exception("Connection " + connectionId + " is not on connector " + connectorKey);
        }
        Optional<String> target = named.isPresent()
                ? named.map(name -> webauthSource(descriptor, name).name())
                        .filter(name -> sourceNamed(connectionId, name).map(s -> AWAITING_WEBAUTH.contains(s.state()))
                                .orElse(true)) // a source the connection lacks is added
                : enabledSources(connection, descriptor).stream()
                        .filter(s -> AWAITING_WEBAUTH.contains(s.state()))
                        .filter(s -> descriptor.source(s.name()).orElseThrow().availableAuthMechanisms()
                                .contains(AuthMechanism.WEBAUTH))
                        .map(SourceRow::name).findFirst();
        return target.map(name -> new RedirectTarget(descriptor.id(), connectionId, name))
                .orElseThrow(() -> ApiError.CONFLICT.exception("Connection " + connectionId
                        + " needs no web authentication" + named.map(n -> " on source '" + n + "'").orElse("")));
    }

    /**
     * {@code GET /webauth} (§5.2): creates the connection and its source (or reuses them to
     * reconnect) and runs the connector's first step with the posted list-field values, handing it
     * the {@code interaction} whose URLs the institution must send the user back to. A new connection
     * whose first step is denied or fails is deleted.
     */
    public RedirectStep startRedirect(long userId, RedirectTarget target, Map<String, String> fieldValues,
                                      Interaction interaction) {
        Connector connector = registry.byId(target.connectorId())
                .orElseThrow(() -> ApiError.INVALID_VALUE.exception("Connector " + target.connectorId() + " is disabled"));
        ConnectorDescriptor descriptor = connector.descriptor();
        Map<String, String> values = new LinkedHashMap<>();
        List<FieldSpec> fields = descriptor.fieldsFor(target.source(), AuthMechanism.WEBAUTH);
        fields.forEach(field -> Optional.ofNullable(fieldValues.get(field.name())).ifPresent(v -> values.put(field.name(), v)));
        Instant now = clock.instant();
        boolean created = target.connectionId() == null;
        long connectionId;
        if (created) {
            FieldValidator.forCreation(fields, values);
            connectionId = records.insertConnection(userId, descriptor.id(), descriptor.uuid().toString(), null, now,
                    now.plus(properties.pendingAdd()));
        } else {
            FieldValidator.forUpdate(fields, values);
            connectionId = target.connectionId();
        }
        ConnectionRow connection = load(userId, connectionId);
        Optional<SourceRow> existing = sourceNamed(connectionId, target.source());
        if (existing.isEmpty()) {
            SourceDescriptor source = enabledSource(descriptor, target.source());
            records.insertSource(connectionId, source.id(), source.name(), AuthMechanism.WEBAUTH, now,
                    now.plus(properties.pendingAdd()));
        } else if (existing.get().mechanism() != AuthMechanism.WEBAUTH) {
            records.saveSource(existing.get().reachedBy(AuthMechanism.WEBAUTH));
        }
        return redirectStep(connection, source(connection, target.source()), connector, Call.START, values, null,
                interaction, created);
    }

    /**
     * The institution's return (§5.3): resumes the source with it, and a fresh {@code interaction}
     * should the institution ask for another trip. With {@code discardOnFailure} (the web
     * authentication was creating the connection) a step that is denied or fails deletes the
     * connection, as a failed creation keeps nothing (§3.3).
     */
    public RedirectStep completeRedirect(long userId, long connectionId, String sourceName, Resume.Callback callback,
                                         Interaction interaction, boolean discardOnFailure) {
        ConnectionRow connection = load(userId, connectionId);
        SourceRow source = sourceNamed(connectionId, sourceName).orElseThrow(() -> ApiError.NOT_FOUND.exception(
                "No source '" + sourceName + "' on connection " + connectionId));
        return redirectStep(connection, source, connector(connection), Call.RESUME, Map.of(), callback, interaction,
                discardOnFailure);
    }

    private RedirectStep redirectStep(ConnectionRow connection, SourceRow source, Connector connector, Call call,
                                      Map<String, String> input, Resume resume, Interaction interaction,
                                      boolean discardOnFailure) {
        ConnectionSteps.Ran ran = leased(connection, () -> steps.run(new Step(connection, source, connector, call, input,
                resume, true, Actor.USER), interaction));
        StepOutcome outcome = ran.outcome();
        URI redirect = ran.result() instanceof StepResult.Redirect r ? r.url() : null;
        RedirectStep step = new RedirectStep(connection.id(), source.name(), redirect, outcome.state(),
                outcome.errorMessage());
        if (discardOnFailure && (step.denied() || step.failed())) {
            records.delete(connection.id());
            log.info("Web authentication of a new connection on connector {} ended in {}; nothing kept",
                    connection.connectorId(), outcome.state().wire());
        }
        return step;
    }

    private Optional<SourceRow> sourceNamed(long connectionId, String name) {
        return records.sources(connectionId).stream().filter(s -> s.name().equals(name)).findFirst();
    }

    private SourceDescriptor webauthSource(ConnectorDescriptor descriptor, String name) {
        SourceDescriptor source = enabledSource(descriptor, name);
        if (!source.availableAuthMechanisms().contains(AuthMechanism.WEBAUTH)) {
            throw ApiError.INVALID_VALUE.exception("Source '" + name + "' is not added by web authentication; "
                    + "use POST /users/me/connections");
        }
        return source;
    }

    private Result step(ConnectionRow connection, SourceRow source, Connector connector, Trigger trigger,
                        Map<String, String> input, boolean inBackground, boolean failuresAreErrors) {
        Call call = ConnectionTransitions.callFor(source.state(), trigger);
        switch (call) {
            case LOCKED -> throw ApiError.CONNECTION_LOCKED.exception("A step is already running on connection "
                    + connection.id());
            case NONE -> {
                return answer(connection);
            }
            default -> {
            }
        }
        Work work = new Work(source.name(), call, input, true, Actor.USER);
        if (inBackground) {
            return queued(connection, work);
        }
        StepOutcome outcome = leased(connection, () -> perform(connection.userId(), connection.id(), work));
        if (failuresAreErrors && outcome != null && outcome.failed()) {
            throw failure(outcome);
        }
        return answer(load(connection.userId(), connection.id()));
    }

    /**
     * What runs under a connection's lease: one connector call on one source, or (no source) a
     * sync of every enabled source in priority order.
     */
    private record Work(String source, Call call, Map<String, String> input, boolean psuRequested, Actor actor) {

        static Work sync(boolean psuRequested, Actor actor) {
            return new Work(null, null, Map.of(), psuRequested, actor);
        }

        @Override
        public String toString() {
            return "Work[" + (source == null ? "sync" : call + " on " + source) + ", posted " + input.keySet() + "]";
        }
    }

    /** Runs the work; the caller holds the lease. The outcome of the last connector call, null if none ran. */
    private StepOutcome perform(long userId, long connectionId, Work work) {
        ConnectionRow connection = load(userId, connectionId);
        Connector connector = connector(connection);
        if (work.source() != null) {
            return steps.run(new Step(connection, source(connection, work.source()), connector, work.call(),
                    work.input(), work.psuRequested(), work.actor()));
        }
        StepOutcome last = null;
        for (SourceRow listed : enabledSources(connection, connector.descriptor())) {
            ConnectionRow current = load(userId, connectionId);
            SourceRow source = source(current, listed.name());
            Call call = ConnectionTransitions.callFor(source.state(), syncTrigger(source, work.psuRequested()));
            Step step = new Step(current, source, connector, call, Map.of(), work.psuRequested(), work.actor());
            last = switch (call) {
                case NONE -> last;
                case ASK_AUTHENTICATION -> steps.consentExpired(step);
                default -> steps.run(step);
            };
        }
        return last;
    }

    /** Runs {@code work} now, holding the connection's lease (409 {@code connectionLocked} when another step holds it). */
    private <T> T leased(ConnectionRow connection, Supplier<T> work) {
        lease(connection);
        try {
            return work.get();
        } finally {
            records.release(connection.id());
        }
    }

    /**
     * Takes the lease and queues {@code work} on the {@link BackgroundQueue}, so that any instance
     * runs it; answers at once with the connection shown as {@code validating} (§4 transient state)
     * until the work ends. Posted field values travel sealed, as stored credentials are.
     */
    private Result queued(ConnectionRow connection, Work work) {
        lease(connection);
        ConnectionRow validating = connection.withSummary(ConnectionState.VALIDATING, null, null,
                connection.lastUpdate(), connection.expire(), connection.nextTry());
        records.saveConnection(validating);
        queue.enqueue(new BackgroundStep(connection.userId(), connection.id(), work.source(),
                work.call() == null ? null : work.call().name(),
                work.input().isEmpty() ? null : vault.sealCredentials(work.input()), work.psuRequested(), work.actor()));
        return new Result(validating, Reply.PENDING);
    }

    private void lease(ConnectionRow connection) {
        Instant now = clock.instant();
        if (!records.lease(connection.id(), now, now.plus(properties.stepLease()))) {
            throw ApiError.CONNECTION_LOCKED.exception("A step is already running on connection " + connection.id());
        }
    }

    private Result answer(ConnectionRow connection) {
        boolean pending = connection.state() != null && (connection.state().kind() == ConnectionState.Kind.TRANSIENT
                || switch (connection.state()) {
                    case SCA_REQUIRED, WEBAUTH_REQUIRED, ADDITIONAL_INFORMATION_NEEDED, DECOUPLED -> true;
                    default -> false;
                });
        return new Result(connection, pending ? Reply.PENDING : Reply.DONE);
    }

    private static ApiException failure(StepOutcome outcome) {
        ApiError error = outcome.state().failureError().orElseThrow();
        return new ApiException(error, error.description(), outcome.errorMessage());
    }

    /**
     * What an update asks of its source: answers when the posted names are exactly fields of the
     * pending challenge (or {@code resume=true}); new field values otherwise; a user-present sync
     * when nothing is posted (the SCA guide's "force the connection with no parameter"). With
     * {@code refresh_auth=true} the user authenticates again with the stored credentials and what
     * is posted, which always reaches the institution's strong authentication and renews the
     * consent (§3.4, §12).
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

    /**
     * What a sync asks of a source: with the user, or without; without the user once the consent
     * ended (§12), the source must wait for the user instead of reaching the institution.
     */
    private Trigger syncTrigger(SourceRow source, boolean psuRequested) {
        if (psuRequested) {
            return Trigger.SYNC_USER_PRESENT;
        }
        return source.consentExpired(clock.instant()) ? Trigger.SYNC_CONSENT_EXPIRED : Trigger.SYNC_USER_ABSENT;
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

    /** The named source of the connection, added now if the connection does not have it yet (§3.3 multi-source). */
    private SourceRow sourceToUpdate(ConnectionRow connection, ConnectorDescriptor descriptor, String name,
                                     Map<String, String> values) {
        Optional<SourceRow> existing = records.sources(connection.id()).stream().filter(s -> s.name().equals(name)).findFirst();
        if (existing.isPresent()) {
            return existing.get();
        }
        SourceDescriptor source = enabledSource(descriptor, name);
        requireCredentials(source);
        Map<String, String> known = new LinkedHashMap<>(steps.storedCredentials(connection));
        known.putAll(values);
        FieldValidator.forCreation(descriptor.fieldsFor(name, AuthMechanism.CREDENTIALS), known);
        Instant now = clock.instant();
        records.insertSource(connection.id(), source.id(), source.name(), AuthMechanism.CREDENTIALS, now,
                now.plus(properties.pendingAdd()));
        return source(connection, name);
    }

    /** The source an update without {@code source} acts on: the first, by priority, that has a state. */
    private SourceRow currentSource(ConnectionRow connection, ConnectorDescriptor descriptor) {
        List<SourceRow> sources = enabledSources(connection, descriptor);
        return sources.stream().filter(s -> s.state() != null).findFirst()
                .or(() -> sources.stream().findFirst())
                .orElseThrow(() -> ApiError.CONFLICT.exception("Connection " + connection.id() + " has no enabled source"));
    }

    private List<SourceRow> enabledSources(ConnectionRow connection, ConnectorDescriptor descriptor) {
        return records.sources(connection.id()).stream()
                .filter(s -> s.disabled() == null)
                .filter(s -> descriptor.source(s.name()).filter(d -> registry.isEnabled(descriptor, d)).isPresent())
                .sorted(Comparator.comparingInt(s -> descriptor.source(s.name()).orElseThrow().priority()))
                .toList();
    }

    /**
     * The source a creation adds: the one named by {@code ?source=} or the body; else the first one
     * for which a field of its own (a field that applies to it alone) was given; else the first
     * credentials source.
     */
    private SourceDescriptor sourceForCreation(ConnectorDescriptor descriptor, Optional<String> named,
                                               Map<String, String> values) {
        SourceDescriptor source = named.map(name -> enabledSource(descriptor, name))
                .or(() -> registry.enabledSources(descriptor).stream()
                        .filter(s -> descriptor.fields().stream().anyMatch(f -> f.sources().equals(List.of(s.name()))
                                && values.containsKey(f.name())))
                        .findFirst())
                .or(() -> registry.enabledSources(descriptor).stream()
                        .filter(s -> s.availableAuthMechanisms().contains(AuthMechanism.CREDENTIALS))
                        .findFirst())
                .orElseThrow(() -> ApiError.INVALID_VALUE.exception("Connector " + descriptor.id()
                        + " has no source accepting credentials; use GET /webauth-url"));
        requireCredentials(source);
        return source;
    }

    private SourceDescriptor enabledSource(ConnectorDescriptor descriptor, String name) {
        return descriptor.source(name).filter(s -> registry.isEnabled(descriptor, s))
                .orElseThrow(() -> ApiError.INVALID_VALUE.exception("Connector " + descriptor.id()
                        + " has no enabled source '" + name + "'"));
    }

    private static void requireCredentials(SourceDescriptor source) {
        if (!source.availableAuthMechanisms().contains(AuthMechanism.CREDENTIALS)) {
            throw ApiError.INVALID_VALUE.exception("Source '" + source.name()
                    + "' is added by web authentication; use GET /webauth-url");
        }
    }

    private Connector connectorOf(BodyParams body) {
        Optional<String> key = body.string("connector_uuid")
                .or(() -> body.string("id_connector"))
                .or(() -> body.string("id_bank"))
                .or(() -> body.string("id_provider"));
        if (key.isEmpty()) {
            throw ApiError.MISSING_PARAMETER.exception("Give 'connector_uuid' (or the deprecated 'id_connector')");
        }
        return enabledConnector(key.get());
    }

    private Connector enabledConnector(String key) {
        return registry.find(key)
                .filter(c -> !registry.enabledSources(c.descriptor()).isEmpty())
                .orElseThrow(() -> ApiError.INVALID_VALUE.exception("No enabled connector '" + key + "'"));
    }

    private Connector connector(ConnectionRow connection) {
        return registry.byId(connection.connectorId())
                .orElseThrow(() -> ApiError.CONFLICT.exception("Connector " + connection.connectorId()
                        + " of connection " + connection.id() + " is disabled on this server"));
    }

    /** The posted field values, end-to-end decrypted (§6); meta parameters are not field values. */
    private Map<String, String> fieldValues(BodyParams body) {
        Map<String, String> values = new LinkedHashMap<>();
        body.asMap().forEach((name, value) -> {
            if (!META.contains(name)) {
                values.put(name, value);
            }
        });
        return decryptor.decryptAll(values, Set.of());
    }

    private ConnectionRow load(long userId, long connectionId) {
        return records.connection(userId, connectionId)
                .orElseThrow(() -> ApiError.NOT_FOUND.exception("No connection " + connectionId));
    }

    private SourceRow source(ConnectionRow connection, String name) {
        return records.sources(connection.id()).stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("source " + name + " vanished"));
    }

    private static Optional<String> firstNonBlank(String param, Optional<String> body) {
        return param != null && !param.isBlank() ? Optional.of(param.trim()) : body;
    }
}
