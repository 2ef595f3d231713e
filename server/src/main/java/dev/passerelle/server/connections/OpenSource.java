package dev.passerelle.server.connections;

import dev.passerelle.connector.AuthMechanism;
import dev.passerelle.connector.Capability;
import dev.passerelle.connector.ConnectionContext;
import dev.passerelle.connector.Connector;
import dev.passerelle.connector.ConnectorDescriptor;
import dev.passerelle.connector.FailureReason;
import dev.passerelle.connector.Settings;
import dev.passerelle.connector.StepResult;
import dev.passerelle.runtime.Called;
import dev.passerelle.runtime.ConnectionSecrets;
import dev.passerelle.runtime.ConnectorCalls;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;

/**
 * One source of one connection, opened for data calls (accounts, transactions, investments,
 * documents) with its decrypted credentials and session. Each {@link #call} runs through the
 * connector runtime: the session the connector writes is stored at once, its lines reach the
 * support timeline, and an interruption that concerns the whole source (a strong authentication or
 * a consent is required, the institution throttles) changes the source's state as a step would.
 */
public final class OpenSource {

    private final SourceSessions sessions;
    private final ConnectorCalls calls;
    private final Connector connector;
    private final long userId;
    private final long connectionId;
    private final long sourceId;
    private final String sourceName;
    private final AuthMechanism mechanism;
    private final Map<String, String> credentials;
    private final Settings settings;
    private final Clock clock;
    private String session;

    OpenSource(SourceSessions sessions, Clock clock, Connector connector, long userId, long connectionId, long sourceId,
               String sourceName, AuthMechanism mechanism, Map<String, String> credentials, Settings settings,
               String session) {
        this.sessions = sessions;
        this.calls = new ConnectorCalls(clock);
        this.clock = clock;
        this.connector = connector;
        this.userId = userId;
        this.connectionId = connectionId;
        this.sourceId = sourceId;
        this.sourceName = sourceName;
        this.mechanism = mechanism;
        this.credentials = Map.copyOf(credentials);
        this.settings = settings;
        this.session = session;
    }

    public Connector connector() {
        return connector;
    }

    public ConnectorDescriptor descriptor() {
        return connector.descriptor();
    }

    public long userId() {
        return userId;
    }

    public long connectionId() {
        return connectionId;
    }

    /** The {@code connection_source} row id ({@code id_source} on accounts). */
    public long sourceId() {
        return sourceId;
    }

    /** Whether this source reads {@code capability}, as its descriptor says and its connector implements. */
    public boolean has(Capability capability, Class<?> implementation) {
        return descriptor().source(sourceName).map(s -> s.has(capability)).orElse(false)
                && implementation.isInstance(connector);
    }

    /** One data call, the user absent. */
    public <T> Called<T> call(Function<ConnectionContext, T> body) {
        ConnectionContext.Builder context = ConnectionContext.builder()
                .connectionId(connectionId)
                .source(sourceName)
                .mechanism(mechanism)
                .credentials(credentials)
                .session(session)
                .clock(clock)
                .settings(settings);
        Called<T> called = calls.call(context, ConnectionSecrets.of(descriptor(), settings, credentials), body);
        if (called.sessionWritten()) {
            session = called.session().orElse(null);
            sessions.saveSession(sourceId, session);
        }
        sessions.recordLines(connectionId, sourceName, called.lines());
        if (called instanceof Called.Interrupted<T> interrupted && stopsTheSource(interrupted.outcome())) {
            sessions.stopped(this, interrupted.outcome());
        }
        return called;
    }

    /**
     * An answer that asks for the user (a strong authentication, a web authentication), given by a hook
     * the connector answered without the user: the source's state says so, as after a stopped data call.
     */
    public void needsTheUser(StepResult outcome) {
        sessions.stopped(this, outcome);
    }

    /** Only an institution-wide answer changes the source; a failure on one item stays that item's error. */
    private static boolean stopsTheSource(StepResult outcome) {
        return !(outcome instanceof StepResult.Failure failure) || failure.reason() == FailureReason.RATE_LIMITED;
    }

    @Override
    public String toString() {
        return "OpenSource[connection " + connectionId + ", source " + sourceId + " " + sourceName + "]";
    }
}
