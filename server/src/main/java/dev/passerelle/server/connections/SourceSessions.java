package dev.passerelle.server.connections;

import dev.passerelle.connector.AuthMechanism;
import dev.passerelle.connector.ConnectorDescriptor;
import dev.passerelle.connector.Consent;
import dev.passerelle.connector.StepResult;
import dev.passerelle.runtime.ConnectorRuntime;
import dev.passerelle.runtime.LogLine;
import dev.passerelle.runtime.RunningConnector;
import dev.passerelle.runtime.SourceCall;
import dev.passerelle.server.api.ApiError;
import dev.passerelle.server.config.DbTime;
import dev.passerelle.server.connectors.ConnectorRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Opens a connection source for data calls: loads the connection's sealed credentials and the
 * source's sealed session and hands them, decrypted, to an {@link OpenSource}; stores back what
 * its calls change. Nothing is cached in memory, so any server instance can serve any connection.
 */
@Component
public class SourceSessions {

    private final JdbcClient jdbc;
    private final ConnectionRecords records;
    private final CredentialVault vault;
    private final ConnectorRegistry connectors;
    private final ConnectionTimeline timeline;
    private final ConnectionSteps steps;
    private final ConnectorRuntime runtime;
    private final ConnectionWork connectionWork;
    private final ConnectionsProperties properties;
    private final Clock clock;

    SourceSessions(JdbcClient jdbc, CredentialVault vault, ConnectorRegistry connectors, ConnectionTimeline timeline,
                   ConnectionSteps steps, ConnectorRuntime runtime, ConnectionWork connectionWork,
                   ConnectionsProperties properties, Clock clock, ConnectionRecords records) {
        this.jdbc = jdbc;
        this.records = records;
        this.vault = vault;
        this.connectors = connectors;
        this.timeline = timeline;
        this.steps = steps;
        this.runtime = runtime;
        this.connectionWork = connectionWork;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Runs {@code work} on the source {@code sourceId} opened holding its connection's lease, as a step
     * holds it: data calls outside a step (an activation's hook and fetch) never interleave with a
     * step or a sync on the same connection, and see the session the last step left. A step running
     * is waited for up to {@code passerelle.connections.resume-wait}; then 409 {@code connectionLocked}.
     */
    public void withLease(long sourceId, Consumer<OpenSource> work) {
        long connectionId = jdbc.sql("SELECT id_connection FROM connection_source WHERE id = :id").param("id", sourceId)
                .query(Long.class).optional()
                .orElseThrow(() -> ApiError.NOT_FOUND.exception("No connection source " + sourceId));
        connectionWork.leasedUntil(connectionId, clock.instant().plus(properties.resumeWait()), () -> {
            work.accept(open(sourceId));
            return null;
        });
    }

    /**
     * The source {@code sourceId} of its connection, with the user absent (a background data call). The
     * caller holds the connection's lease: a step does; other callers go through {@link #withLease}.
     */
    public OpenSource open(long sourceId) {
        Row row = jdbc.sql("""
                SELECT c.id AS connection_id, c.id_user, c.id_connector, c.credentials, s.name, s.auth_mechanism,
                    s.session, s.access_expire, s.consent_scope
                FROM connection_source s JOIN connection c ON c.id = s.id_connection
                WHERE s.id = :id""")
                .param("id", sourceId)
                .query((rs, n) -> new Row(rs.getLong("connection_id"), rs.getLong("id_user"), rs.getInt("id_connector"),
                        rs.getString("credentials"), rs.getString("name"), rs.getString("auth_mechanism"),
                        rs.getString("session"), DbTime.instant(rs, "access_expire"), rs.getString("consent_scope")))
                .optional()
                .orElseThrow(() -> ApiError.NOT_FOUND.exception("No connection source " + sourceId));
        RunningConnector connector = connectors.byId(row.connectorId())
                .orElseThrow(() -> ApiError.NOT_FOUND.exception("Connector " + row.connectorId() + " is not enabled"));
        ConnectorDescriptor descriptor = connector.descriptor();
        Map<String, String> credentials = vault.openCredentials(row.credentials());
        AuthMechanism mechanism = SourceMechanisms.resolve(
                row.mechanism() == null ? null : AuthMechanism.valueOf(row.mechanism()), descriptor, row.source(),
                credentials);
        return new OpenSource(this, runtime, connector, sourceId, new SourceCall(row.userId(), row.connectionId(),
                row.source(), mechanism, credentials, vault.openSession(row.session())).withConsent(records.keptConsent(row.accessExpire(), row.consentScope())));
    }

    void saveSession(long sourceId, String session) {
        jdbc.sql("UPDATE connection_source SET session = :session WHERE id = :id")
                .param("session", vault.sealSession(session)).param("id", sourceId).update();
    }

    void recordLines(long connectionId, String source, List<LogLine> lines) {
        timeline.recordLines(connectionId, source, lines);
    }

    void stopped(OpenSource source, RunningConnector connector, StepResult outcome) {
        steps.dataCallStopped(source.userId(), source.connectionId(), source.sourceId(), connector, outcome);
    }

    /** A consent the connector's post-activation hook granted without a step: kept, as a step's is. */
    void consentGranted(long sourceId, Consent granted) {
        records.saveConsentScope(sourceId, granted);
    }

    private record Row(long connectionId, long userId, int connectorId, String credentials, String source,
                       String mechanism, String session, Instant accessExpire, String consentScope) {
    }
}
