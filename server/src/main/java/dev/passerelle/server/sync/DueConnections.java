package dev.passerelle.server.sync;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The connections a background sync is due on: active, with a retry time that has come. A
 * connection that needs its user (SCA, new credentials, an answer) has no {@code next_try}, so it
 * is never picked until the user acts (PROTOCOL-NOTES §3.5, §4).
 */
@Component
class DueConnections {

    /** One connection to sync, with the user it belongs to. */
    record Due(long userId, long connectionId) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    DueConnections(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** At most {@code limit} due connections, the longest overdue first. */
    List<Due> oldestFirst(int limit) {
        return jdbc.sql("""
                        SELECT id, id_user FROM connection
                        WHERE active = TRUE AND next_try IS NOT NULL AND next_try <= :now
                        ORDER BY next_try, id
                        FETCH FIRST :limit ROWS ONLY""")
                .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .param("limit", limit)
                .query((rs, row) -> new Due(rs.getLong("id_user"), rs.getLong("id")))
                .list();
    }

    /** The user a connection belongs to; empty once it was deleted. */
    Optional<Long> owner(long connectionId) {
        return jdbc.sql("SELECT id_user FROM connection WHERE id = :id").param("id", connectionId)
                .query(Long.class).optional();
    }
}
