package dev.passerelle.server.connections;

import dev.passerelle.connector.AuthMechanism;
import dev.passerelle.connector.ConnectorDescriptor;
import dev.passerelle.connector.FieldSpec;
import dev.passerelle.connector.Interaction;
import dev.passerelle.connector.PsuContext;
import dev.passerelle.connector.Resume;
import dev.passerelle.connector.SourceDescriptor;
import dev.passerelle.connector.StepResult;
import dev.passerelle.runtime.Presence;
import dev.passerelle.runtime.RunningConnector;
import dev.passerelle.runtime.state.ConnectionState;
import dev.passerelle.runtime.state.StepOutcome;
import dev.passerelle.runtime.state.Transitions.Call;
import dev.passerelle.server.api.ApiError;
import dev.passerelle.server.connections.ConnectionOpening.Opened;
import dev.passerelle.server.connections.ConnectionSteps.Step;
import dev.passerelle.server.connections.ConnectionTimeline.Actor;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The connection side of a web authentication (docs/protocol.md §5): which source it targets, its first step with the
 * interaction the server minted, and the institution's return. The browser's side (links, trips,
 * callbacks) is the {@code webauth} feature's.
 */
@Service
public class WebauthSteps {

    private static final Logger log = LoggerFactory.getLogger(WebauthSteps.class);

    /** States a web authentication resolves (docs/protocol.md §5.4: webauth, and SCA or consent renewal). */
    private static final Set<ConnectionState> AWAITING_WEBAUTH = EnumSet.of(ConnectionState.WEBAUTH_REQUIRED,
            ConnectionState.SCA_REQUIRED);

    private final ConnectionRecords records;
    private final ConnectionOpening opening;
    private final ConnectionSteps steps;
    private final ConnectionWork work;
    private final ConnectorChoice connectors;
    private final Connections connections;
    private final ConnectionsProperties properties;
    private final Clock clock;

    WebauthSteps(ConnectionRecords records, ConnectionOpening opening, ConnectionSteps steps, ConnectionWork work,
                 ConnectorChoice connectors, Connections connections, ConnectionsProperties properties, Clock clock) {
        this.records = records;
        this.opening = opening;
        this.steps = steps;
        this.work = work;
        this.connectors = connectors;
        this.connections = connections;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The connection source a web authentication runs on, resolved and checked before any browser is
     * involved.
     *
     * @param connectionId the connection to reconnect, or null for a new connection
     * @param source       the source to add or reset
     * @param fields       the names of the source's web-authentication fields, which the link carries
     */
    public record RedirectTarget(int connectorId, Long connectionId, String source, List<String> fields) {
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
            return redirect == null && state != null && state.failsTheCheck();
        }
    }

    /**
     * {@code GET /webauth-url} and {@code /webauth} (docs/protocol.md §5.1, §5.4): the source a web authentication
     * targets. New connection: the named source, or the connector's first that accepts web
     * authentication. Reconnection: the named source (added if the connection lacks it), or the first
     * that waits on {@code webauthRequired} or {@code SCARequired}; 409 {@code invalidValue} when the
     * connection needs no web authentication.
     */
    public RedirectTarget redirectTarget(long userId, String connectorKey, Long connectionId, String sourceName) {
        Optional<String> named = PostedValues.firstNonBlank(sourceName, Optional.empty());
        if (connectionId == null) {
            if (connectorKey == null || connectorKey.isBlank()) {
                throw ApiError.MISSING_PARAMETER.exception("Give 'connector_uuid' (or 'id_connector'), or "
                        + "'id_connection' to reconnect");
            }
            ConnectorDescriptor descriptor = connectors.enabled(connectorKey).descriptor();
            SourceDescriptor source = named.map(name -> webauthSource(descriptor, name))
                    .or(() -> connectors.enabledSources(descriptor).stream()
                            .filter(s -> s.availableAuthMechanisms().contains(AuthMechanism.WEBAUTH)).findFirst())
                    .orElseThrow(() -> ApiError.INVALID_VALUE.exception("Connector " + descriptor.id()
                            + " has no source added by web authentication; use POST /users/me/connections"));
            return target(descriptor, null, source.name());
        }
        ConnectionRow connection = connections.get(userId, connectionId);
        ConnectorDescriptor descriptor = connectors.of(connection).descriptor();
        if (connectorKey != null && !connectorKey.isBlank() && connectors.isOther(connectorKey, descriptor)) {
            throw ApiError.INVALID_VALUE.exception("Connection " + connectionId + " is not on connector " + connectorKey);
        }
        Optional<String> chosen = named.isPresent()
                ? named.map(name -> webauthSource(descriptor, name).name())
                        .filter(name -> connectors.sourceNamed(connectionId, name)
                                .map(s -> AWAITING_WEBAUTH.contains(s.state()))
                                .orElse(true)) // a source the connection lacks is added
                : connectors.enabledSources(connection, descriptor).stream()
                        .filter(s -> AWAITING_WEBAUTH.contains(s.state()))
                        .filter(s -> descriptor.source(s.name()).orElseThrow().availableAuthMechanisms()
                                .contains(AuthMechanism.WEBAUTH))
                        .map(SourceRow::name).findFirst();
        return chosen.map(name -> target(descriptor, connectionId, name))
                .orElseThrow(() -> ApiError.CONFLICT.exception("Connection " + connectionId
                        + " needs no web authentication" + named.map(n -> " on source '" + n + "'").orElse("")));
    }

    /**
     * {@code GET /webauth} (docs/protocol.md §5.2): creates the connection and its source (or reuses them to
     * reconnect) and runs the connector's first step with the posted list-field values, handing it
     * the {@code interaction} whose URLs the institution must send the user back to. A new connection
     * whose first step is denied or fails is deleted.
     */
    public RedirectStep startRedirect(long userId, RedirectTarget target, Map<String, String> fieldValues,
                                      Interaction interaction, PsuContext psu) {
        RunningConnector connector = connectors.enabled(target.connectorId());
        ConnectorDescriptor descriptor = connector.descriptor();
        Map<String, String> values = new LinkedHashMap<>();
        List<FieldSpec> fields = descriptor.fieldsFor(target.source(), AuthMechanism.WEBAUTH);
        fields.forEach(field -> Optional.ofNullable(fieldValues.get(field.name())).ifPresent(v -> values.put(field.name(), v)));
        Presence presence = Presence.of(psu).through(interaction);
        if (target.connectionId() == null) {
            FieldValidator.forCreation(fields, values);
            SourceDescriptor source = connectors.enabledSource(descriptor, target.source());
            Opened opened = opening.open(userId, descriptor, source, AuthMechanism.WEBAUTH,
                    ConnectionState.WEBAUTH_REQUIRED);
            Step first = new Step(opened.connection(), opened.source(), connector, Call.START, values, presence,
                    Actor.USER);
            return redirectStep(first, work.first(opened, () -> steps.ran(first)), true);
        }
        FieldValidator.forUpdate(fields, values);
        long connectionId = target.connectionId();
        ConnectionRow connection = connections.get(userId, connectionId);
        Optional<SourceRow> existing = connectors.sourceNamed(connectionId, target.source());
        if (existing.isEmpty()) {
            SourceDescriptor source = connectors.enabledSource(descriptor, target.source());
            Instant now = clock.instant();
            records.insertSource(connectionId, source.id(), source.name(), AuthMechanism.WEBAUTH, now,
                    now.plus(properties.pendingAdd()));
        } else if (existing.get().mechanism() != AuthMechanism.WEBAUTH) {
            records.saveSource(existing.get().reachedBy(AuthMechanism.WEBAUTH));
        }
        return leasedStep(new Step(connection, connectors.source(connection, target.source()), connector, Call.START,
                values, presence, Actor.USER), false);
    }

    /**
     * The institution's return (docs/protocol.md §5.3): resumes the source with it, and a fresh {@code interaction}
     * should the institution ask for another trip. With {@code discardOnFailure} (the web
     * authentication was creating the connection) a step that is denied or fails deletes the
     * connection, as a failed creation keeps nothing (docs/protocol.md §3.3).
     */
    public RedirectStep completeRedirect(long userId, long connectionId, String sourceName, Resume.Callback callback,
                                         Interaction interaction, boolean discardOnFailure, PsuContext psu) {
        ConnectionRow connection = connections.get(userId, connectionId);
        SourceRow source = connectors.sourceNamed(connectionId, sourceName).orElseThrow(() -> ApiError.NOT_FOUND.exception(
                "No source '" + sourceName + "' on connection " + connectionId));
        return leasedStep(new Step(connection, source, connectors.of(connection), Call.RESUME, Map.of(), callback,
                Presence.of(psu).through(interaction), Actor.USER), discardOnFailure);
    }

    private RedirectStep leasedStep(Step step, boolean discardOnFailure) {
        return redirectStep(step, work.leased(step.connection().id(), () -> steps.ran(step)), discardOnFailure);
    }

    private RedirectStep redirectStep(Step step, ConnectionSteps.Ran ran, boolean discardOnFailure) {
        ConnectionRow connection = step.connection();
        StepOutcome outcome = ran.outcome();
        URI redirect = ran.result() instanceof StepResult.Redirect r ? r.url() : null;
        RedirectStep result = new RedirectStep(connection.id(), step.source().name(), redirect, outcome.state(),
                outcome.errorMessage());
        if (discardOnFailure && (result.denied() || result.failed())) {
            records.delete(connection.id());
            log.info("Web authentication of a new connection on connector {} ended in {}; nothing kept",
                    connection.connectorId(), outcome.state().wire());
        }
        return result;
    }

    private RedirectTarget target(ConnectorDescriptor descriptor, Long connectionId, String source) {
        return new RedirectTarget(descriptor.id(), connectionId, source,
                descriptor.fieldsFor(source, AuthMechanism.WEBAUTH).stream().map(FieldSpec::name).toList());
    }

    private SourceDescriptor webauthSource(ConnectorDescriptor descriptor, String name) {
        SourceDescriptor source = connectors.enabledSource(descriptor, name);
        if (!source.availableAuthMechanisms().contains(AuthMechanism.WEBAUTH)) {
            throw ApiError.INVALID_VALUE.exception("Source '" + name + "' is not added by web authentication; "
                    + "use POST /users/me/connections");
        }
        return source;
    }
}
