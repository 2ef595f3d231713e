package dev.passerelle.server.connections;

import static dev.passerelle.server.config.DbTime.instant;
import static dev.passerelle.server.config.DbTime.utc;

import dev.passerelle.runtime.LogLine;
import dev.passerelle.runtime.state.ConnectionState;
import dev.passerelle.server.api.DateParam;
import dev.passerelle.server.api.WireFormat;
import dev.passerelle.server.config.InstanceName;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.NonNull;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The support timeline of a connection: every step, who caused it, the state before and after,
 * why, and which server instance ran it. The admin console shows it;
 * {@code GET /users/{u}/connections/{c}/logs} lists it.
 */
@Component
public class ConnectionTimeline {

    /** Who caused a step. */
    public enum Actor {
        USER, SCHEDULER, ADMIN, SYSTEM,
        /** A line the connector wrote about a call, or the runtime about the connector's fault. */
        CONNECTOR;

        public String wire() {
            return name().toLowerCase();
        }
    }

    /**
     * The events of {@code :connection} between {@code :from} and {@code :until}, of the source
     * {@code :source}, each null for no bound.
     */
    private static final String WINDOW = " WHERE id_connection = :connection"
            + " AND (CAST(:from AS TIMESTAMP WITH TIME ZONE) IS NULL OR occurred_at >= :from)"
            + " AND (CAST(:until AS TIMESTAMP WITH TIME ZONE) IS NULL OR occurred_at < :until)"
            + " AND (CAST(:source AS VARCHAR(100)) IS NULL OR source = :source)";

    private final JdbcClient jdbc;
    private final InstanceName instance;
    private final WireFormat wire;

    ConnectionTimeline(JdbcClient jdbc, InstanceName instance, WireFormat wire) {
        this.jdbc = jdbc;
        this.instance = instance;
        this.wire = wire;
    }

    /**
     * Records a transition. A step that ends after its connection was deleted (the user cancelled the
     * webview while a decoupled validation was being awaited) leaves no event: the connection is gone.
     */
    void record(long connectionId, String source, Actor actor, ConnectionState from, ConnectionState to, String cause,
                Instant at) {
        jdbc.sql("""
                INSERT INTO connection_event (id_connection, source, occurred_at, actor, from_state, to_state, cause,
                    instance)
                SELECT id, :source, :at, :actor, :from, :to, :cause, :instance FROM connection WHERE id = :connection""")
                .param("connection", connectionId).param("source", source).param("at", utc(at))
                .param("actor", actor.wire()).param("from", from == null ? null : from.wire())
                .param("to", to == null ? null : to.wire()).param("cause", cause)
                .param("instance", instance.get())
                .update();
    }

    /** The connector's lines about one call, each as an entry that leaves the state as it was. */
    void recordLines(long connectionId, String source, List<LogLine> lines) {
        for (LogLine line : lines) {
            record(connectionId, source, Actor.CONNECTOR, null, null,
                    (line.level() == LogLine.Level.WARN ? "warning: " : "") + line.message(), line.at());
        }
    }

    /** The events of one connection, newest first. */
    public List<Event> events(long connectionId, int limit, int offset) {
        return events(connectionId, Window.ALL, limit, offset);
    }

    /** The events of one connection within {@code window}, newest first. */
    public List<Event> events(long connectionId, Window window, int limit, int offset) {
        return jdbc.sql("""
                SELECT id, id_connection, source, occurred_at, actor, from_state, to_state, cause, instance
                FROM connection_event""" + WINDOW + " ORDER BY occurred_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .params(window.params(connectionId))
                .param("limit", limit).param("offset", offset)
                .query((rs, n) -> new Event(rs.getLong("id"), rs.getLong("id_connection"), rs.getString("source"),
                        instant(rs, "occurred_at"), rs.getString("actor"), rs.getString("from_state"),
                        rs.getString("to_state"), rs.getString("cause"), rs.getString("instance")))
                .list();
    }

    /** How many events {@link #events(long, Window, int, int)} pages through. */
    public int count(long connectionId, Window window) {
        return jdbc.sql("SELECT COUNT(*) FROM connection_event" + WINDOW)
                .params(window.params(connectionId))
                .query(Integer.class).single();
    }

    /**
     * The window {@code min_date} and {@code max_date} give on the entries' timestamps (docs/protocol.md
     * §0 "Temporal filtering"), a day or a date-time read in the API's zone, both bounds included.
     */
    public Window window(String minDate, String maxDate) {
        DateParam.Instants bounds = DateParam.instants(minDate, maxDate, wire.zone());
        return new Window(bounds.from(), bounds.until(), null);
    }

    /**
     * Entries from {@code from} (included) to {@code until} (excluded), of the source named
     * {@code source} (its {@code id_source} on the wire); a null bound or source leaves that side open.
     */
    public record Window(Instant from, Instant until, String source) {

        static final Window ALL = new Window(null, null, null);

        /** This window's entries of one source only. */
        Window of(SourceRow source) {
            return new Window(from, until, source.name());
        }

        private Map<String, Object> params(long connectionId) {
            Map<String, Object> params = new HashMap<>();
            params.put("connection", connectionId);
            params.put("from", utc(from));
            params.put("until", utc(until));
            params.put("source", source);
            return params;
        }
    }

    /**
     * One timeline entry. {@code fromState}/{@code toState} are wire states, null meaning "OK";
     * {@code instance} is the server instance that ran the step (null for entries older than that column).
     */
    public record Event(long id, long idConnection, String source, @NonNull Instant timestamp,
                        @Schema(implementation = Actor.class) @NonNull String actor,
                        @Schema(implementation = ConnectionState.class) String fromState,
                        @Schema(implementation = ConnectionState.class) String toState, String cause, String instance) {
    }
}
