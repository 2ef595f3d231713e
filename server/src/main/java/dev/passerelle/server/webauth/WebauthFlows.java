package dev.passerelle.server.webauth;

import static dev.passerelle.server.config.DbTime.instant;
import static dev.passerelle.server.config.DbTime.utc;

import dev.passerelle.server.crypto.Secrets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The browser trips under way through institutions' pages, in the database so that the callback may
 * land on any server instance. A trip is found by the interaction id the server minted for it (only
 * its hash is kept, in {@code state_hash}), which the return URL carries in its path or as the OAuth2
 * {@code state}, and is completed at most once: a replayed callback finds it spent. A trip outlives its
 * connection (its {@code id_connection} set to NULL), so that a return after the connection's deletion
 * is told apart from an unknown one.
 */
@Repository
class WebauthFlows {

    private static final Duration KEPT_AFTER_EXPIRY = Duration.ofDays(1);
    /**
     * The connection id of a trip whose connection was deleted since (V27: the column is then NULL), as
     * it is when its user was (V28: the user's connections go first; its id is then NULL, read as 0).
     */
    private static final long NO_CONNECTION = 0;

    private final JdbcClient jdbc;

    WebauthFlows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Who started the trip and where its answer goes.
     *
     * @param clientState   the integrator's {@code state}, echoed on the final redirect
     * @param newConnection the trip creates its connection: a failure deletes it
     */
    record Flow(long userId, long connectionId, String source, long clientId, String redirectUri, String clientState,
                boolean newConnection) {
    }

    /** A trip found by its state. */
    record Found(long id, Flow flow, Instant expiresAt, Instant completedAt) {

        /** Its connection was deleted since: the flow's {@code connectionId} names none. */
        boolean connectionDeleted() {
            return flow.connectionId() == NO_CONNECTION;
        }
    }

    /** Records a trip; an unfinished earlier trip on the same source is superseded. */
    void open(String interactionId, Flow flow, Instant now, Instant expires) {
        jdbc.sql("""
                DELETE FROM webauth_flow
                WHERE expires_at < :old OR (id_connection = :connection AND source_name = :source AND completed_at IS NULL)""")
                .param("old", utc(now.minus(KEPT_AFTER_EXPIRY))).param("connection", flow.connectionId())
                .param("source", flow.source())
                .update();
        jdbc.sql("""
                INSERT INTO webauth_flow (state_hash, id_user, id_connection, source_name, id_client, redirect_uri,
                  client_state, new_connection, created, expires_at)
                VALUES (:state, :user, :connection, :source, :client, :redirect, :clientState, :created_new, :now, :expires)""")
                .param("state", Secrets.sha256(interactionId)).param("user", flow.userId())
                .param("connection", flow.connectionId()).param("source", flow.source())
                .param("client", flow.clientId()).param("redirect", flow.redirectUri())
                .param("clientState", flow.clientState()).param("created_new", flow.newConnection())
                .param("now", utc(now)).param("expires", utc(expires))
                .update();
    }

    Optional<Found> find(String interactionId) {
        return jdbc.sql("""
                SELECT id, id_user, id_connection, source_name, id_client, redirect_uri, client_state, new_connection,
                  expires_at, completed_at
                FROM webauth_flow WHERE state_hash = :state""")
                .param("state", Secrets.sha256(interactionId))
                .query(WebauthFlows::found).optional();
    }

    /** Marks the trip completed: true for the one caller that did so before it expired. */
    boolean complete(long id, Instant now) {
        return jdbc.sql("""
                UPDATE webauth_flow SET completed_at = :now
                WHERE id = :id AND completed_at IS NULL AND expires_at > :now""")
                .param("now", utc(now)).param("id", id)
                .update() == 1;
    }

    private static Found found(ResultSet rs, int n) throws SQLException {
        Long connection = rs.getObject("id_connection", Long.class);
        Flow flow = new Flow(rs.getLong("id_user"), connection == null ? NO_CONNECTION : connection,
                rs.getString("source_name"), rs.getLong("id_client"), rs.getString("redirect_uri"),
                rs.getString("client_state"), rs.getBoolean("new_connection"));
        return new Found(rs.getLong("id"), flow, instant(rs, "expires_at"), instant(rs, "completed_at"));
    }
}
