package dev.passerelle.server.connections;

import static dev.passerelle.server.config.DbTime.utc;

import dev.passerelle.runtime.state.ConnectionState;
import dev.passerelle.server.config.DbTime;
import dev.passerelle.server.connectors.ConnectorActivities;
import dev.passerelle.server.connectors.ConnectorActivity;
import dev.passerelle.server.users.ConnectionOwners;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What operators read of connections across users, for the console's dashboard, connector and
 * support pages: who owns a connection, how many connections are in each state, and how the steps
 * of each connector went since a given time (from the support timeline). Reads only.
 */
@Component
public class ConnectionReadModel implements ConnectionOwners, ConnectorActivities {

    /** The states a failed step leads to (those answered with an error, §3.3): a step ending there failed. */
    private static final List<String> FAILED = Arrays.stream(ConnectionState.values())
            .filter(ConnectionState::failsTheCheck).map(ConnectionState::wire).toList();

    private final JdbcClient jdbc;

    ConnectionReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The user a connection belongs to. */
    @Override
    public Optional<Long> owner(long connectionId) {
        return jdbc.sql("SELECT id_user FROM connection WHERE id = :id").param("id", connectionId)
                .query(Long.class).optional();
    }

    /** Connections per wire state; a connection in no state (its last step succeeded) counts under {@code null}. */
    public Map<String, Long> countByState() {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("SELECT state, COUNT(*) AS n FROM connection GROUP BY state")
                .query(rs -> {
                    counts.put(rs.getString("state"), rs.getLong("n"));
                });
        return counts;
    }

    @Override
    public Map<Integer, ConnectorActivity> byConnector(Instant since) {
        Map<Integer, ConnectorActivity> activity = new HashMap<>();
        jdbc.sql("""
                        SELECT c.id_connector,
                               COUNT(DISTINCT c.id) AS connections,
                               COUNT(e.id) AS steps,
                               COUNT(CASE WHEN e.to_state IN (:failed) THEN 1 END) AS failures
                        FROM connection c LEFT JOIN connection_event e ON e.id_connection = c.id AND e.occurred_at >= :since
                        GROUP BY c.id_connector""")
                .param("failed", FAILED).param("since", utc(since))
                .query(rs -> {
                    activity.put(rs.getInt("id_connector"), new ConnectorActivity(rs.getLong("connections"),
                            rs.getLong("steps"), rs.getLong("failures"), null, null));
                });
        jdbc.sql("""
                        SELECT c.id_connector,
                               MAX(CASE WHEN e.to_state IS NULL THEN e.occurred_at END) AS last_success,
                               MAX(CASE WHEN e.to_state IN (:failed) THEN e.occurred_at END) AS last_failure
                        FROM connection_event e JOIN connection c ON c.id = e.id_connection
                        GROUP BY c.id_connector""")
                .param("failed", FAILED)
                .query(rs -> {
                    ConnectorActivity counted = activity.getOrDefault(rs.getInt("id_connector"), ConnectorActivity.NONE);
                    activity.put(rs.getInt("id_connector"), new ConnectorActivity(counted.connections(), counted.steps(),
                            counted.failures(), DbTime.instant(rs, "last_success"), DbTime.instant(rs, "last_failure")));
                });
        return activity;
    }

    /** Steps run since {@code since} on every connector, and how many failed. */
    public ConnectorActivity steps(Instant since) {
        return jdbc.sql("""
                        SELECT COUNT(*) AS steps, COUNT(CASE WHEN to_state IN (:failed) THEN 1 END) AS failures
                        FROM connection_event WHERE occurred_at >= :since""")
                .param("failed", FAILED).param("since", utc(since))
                .query((rs, n) -> new ConnectorActivity(0, rs.getLong("steps"), rs.getLong("failures"), null, null))
                .single();
    }
}
