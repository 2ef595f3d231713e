package dev.passerelle.server.connections;

import static dev.passerelle.server.config.DbTime.instant;
import static dev.passerelle.server.config.DbTime.utc;

import dev.passerelle.connector.AuthMechanism;
import dev.passerelle.connector.Consent;
import dev.passerelle.runtime.lease.LeaseStore;
import dev.passerelle.runtime.state.ConnectionState;
import dev.passerelle.runtime.state.PendingStep;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * The {@code connection} and {@code connection_source} rows. Every read is scoped to its user. The
 * step lease of a connection is its {@code busy_until} column, so that it holds across instances.
 */
@Repository
class ConnectionRecords implements LeaseStore {

    private static final String CONNECTION_COLUMNS = """
            id, id_user, id_connector, connector_uuid, state, error_message, fields, active, created, last_update,
            last_push, expire, next_try, credentials""";
    private static final String SOURCE_COLUMNS = """
            id, id_connection, id_connector_source, name, auth_mechanism, state, error_message, fields, pending_step,
            pending_until,
            session, created, last_update, disabled, access_expire, last_sca, expire, next_try, transient_failures""";

    private static final TypeReference<Set<String>> SCOPE = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    ConnectionRecords(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    long insertConnection(long userId, int connectorId, String connectorUuid, ConnectionState state, Instant now,
                          Instant expire) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO connection (id_user, id_connector, connector_uuid, state, created, expire)
                VALUES (:user, :connector, :uuid, :state, :now, :expire)""")
                .param("user", userId).param("connector", connectorId).param("uuid", connectorUuid)
                .param("state", wire(state)).param("now", utc(now)).param("expire", utc(expire))
                .update(key, "id");
        return key.getKeyAs(Long.class);
    }

    long insertSource(long connectionId, int connectorSourceId, String name, AuthMechanism mechanism, Instant now,
                      Instant expire) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO connection_source (id_connection, id_connector_source, name, auth_mechanism, created, expire)
                VALUES (:connection, :source, :name, :mechanism, :now, :expire)""")
                .param("connection", connectionId).param("source", connectorSourceId).param("name", name)
                .param("mechanism", mechanism.name()).param("now", utc(now)).param("expire", utc(expire))
                .update(key, "id");
        return key.getKeyAs(Long.class);
    }

    Optional<ConnectionRow> connection(long userId, long connectionId) {
        return jdbc.sql("SELECT " + CONNECTION_COLUMNS + " FROM connection WHERE id = :id AND id_user = :user")
                .param("id", connectionId).param("user", userId)
                .query(ConnectionRecords::connectionRow).optional();
    }

    boolean exists(long connectionId) {
        return jdbc.sql("SELECT COUNT(*) FROM connection WHERE id = :id").param("id", connectionId)
                .query(Long.class).single() > 0;
    }

    List<ConnectionRow> connections(long userId) {
        return jdbc.sql("SELECT " + CONNECTION_COLUMNS + " FROM connection WHERE id_user = :user ORDER BY id")
                .param("user", userId)
                .query(ConnectionRecords::connectionRow).list();
    }

    List<SourceRow> sources(long connectionId) {
        return jdbc.sql("SELECT " + SOURCE_COLUMNS + " FROM connection_source WHERE id_connection = :c ORDER BY id")
                .param("c", connectionId)
                .query(ConnectionRecords::sourceRow).list();
    }

    @Override
    public boolean take(long connectionId, Instant now, Instant until) {
        return jdbc.sql("""
                UPDATE connection SET busy_until = :until
                WHERE id = :id AND (busy_until IS NULL OR busy_until < :now)""")
                .param("until", utc(until)).param("now", utc(now)).param("id", connectionId)
                .update() == 1;
    }

    @Override
    public void release(long connectionId) {
        jdbc.sql("UPDATE connection SET busy_until = NULL WHERE id = :id").param("id", connectionId).update();
    }

    void saveSource(SourceRow s) {
        jdbc.sql("""
                UPDATE connection_source SET auth_mechanism = :mechanism, state = :state, error_message = :message,
                  fields = :fields,
                  pending_step = :pending, pending_until = :pendingUntil, session = :session, last_update = :lastUpdate,
                  disabled = :disabled, access_expire = :accessExpire, last_sca = :lastSca, expire = :expire,
                  next_try = :nextTry, transient_failures = :transientFailures
                WHERE id = :id""")
                .param("mechanism", s.mechanism() == null ? null : s.mechanism().name())
                .param("state", wire(s.state())).param("message", s.errorMessage()).param("fields", s.fieldsJson())
                .param("pending", s.pending() == null ? null : s.pending().name())
                .param("pendingUntil", utc(s.pendingUntil())).param("session", s.sealedSession())
                .param("lastUpdate", utc(s.lastUpdate())).param("disabled", utc(s.disabled()))
                .param("accessExpire", utc(s.accessExpire())).param("lastSca", utc(s.lastSca()))
                .param("expire", utc(s.expire())).param("nextTry", utc(s.nextTry()))
                .param("transientFailures", s.transientFailures()).param("id", s.id())
                .update();
    }

    /**
     * Keeps the accounts the consent granted on the source covers ({@code consent_scope}: a JSON array
     * of external ids, NULL when the consent covers every account).
     */
    void saveConsentScope(long sourceId, Consent granted) {
        Set<String> scope = granted.accountScope();
        jdbc.sql("UPDATE connection_source SET consent_scope = :scope WHERE id = :id")
                .param("scope", scope.isEmpty() ? null : json.writeValueAsString(scope)).param("id", sourceId)
                .update();
    }

    /** The consent kept on a source, from its {@code access_expire} and {@code consent_scope}; null when the institution named no accounts. */
    Consent keptConsent(Instant accessExpire, String consentScope) {
        return consentScope == null ? null : new Consent(accessExpire, null, json.readValue(consentScope, SCOPE));
    }

    void saveConnection(ConnectionRow c) {
        jdbc.sql("""
                UPDATE connection SET state = :state, error_message = :message, fields = :fields, active = :active,
                  last_update = :lastUpdate, expire = :expire, next_try = :nextTry, credentials = :credentials
                WHERE id = :id""")
                .param("state", wire(c.state())).param("message", c.errorMessage()).param("fields", c.fieldsJson())
                .param("active", c.active()).param("lastUpdate", utc(c.lastUpdate())).param("expire", utc(c.expire()))
                .param("nextTry", utc(c.nextTry())).param("credentials", c.sealedCredentials()).param("id", c.id())
                .update();
    }

    /**
     * Hard delete (GDPR): sources, accounts, transactions, subscriptions and documents cascade. Whether
     * this call deleted the connection (false: it was already gone).
     */
    boolean delete(long connectionId) {
        return jdbc.sql("DELETE FROM connection WHERE id = :id").param("id", connectionId).update() == 1;
    }

    private static String wire(ConnectionState state) {
        return state == null ? null : state.wire();
    }

    private static ConnectionState state(ResultSet rs) throws SQLException {
        return ConnectionState.fromWire(rs.getString("state")).orElse(null);
    }

    private static ConnectionRow connectionRow(ResultSet rs, int n) throws SQLException {
        return new ConnectionRow(rs.getLong("id"), rs.getLong("id_user"), rs.getInt("id_connector"),
                rs.getString("connector_uuid"), state(rs), rs.getString("error_message"), rs.getString("fields"),
                rs.getBoolean("active"), instant(rs, "created"), instant(rs, "last_update"), instant(rs, "last_push"),
                instant(rs, "expire"), instant(rs, "next_try"), rs.getString("credentials"));
    }

    private static SourceRow sourceRow(ResultSet rs, int n) throws SQLException {
        String pending = rs.getString("pending_step");
        String mechanism = rs.getString("auth_mechanism");
        return new SourceRow(rs.getLong("id"), rs.getLong("id_connection"), rs.getInt("id_connector_source"),
                rs.getString("name"), mechanism == null ? null : AuthMechanism.valueOf(mechanism), state(rs), rs.getString("error_message"), rs.getString("fields"),
                pending == null ? null : PendingStep.valueOf(pending), instant(rs, "pending_until"),
                rs.getString("session"), instant(rs, "created"), instant(rs, "last_update"), instant(rs, "disabled"),
                instant(rs, "access_expire"), instant(rs, "last_sca"), instant(rs, "expire"), instant(rs, "next_try"),
                rs.getInt("transient_failures"));
    }
}
