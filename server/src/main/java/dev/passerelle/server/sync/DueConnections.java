package dev.passerelle.server.sync;

import static dev.passerelle.server.config.DbTime.utc;

import dev.passerelle.server.config.DbTime;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The connections a background sync is due on: active, with a retry time that has come. A
 * connection that needs its user (SCA, new credentials, an answer) has no {@code next_try}, so it
 * is never picked until the user acts (docs/protocol.md §3.5, §4). The retry time is judged in the
 * connection's user's time: in the sandbox, a user whose clock was moved ahead of the server's
 * ({@code sandbox_user_clock}) has their connections due that much earlier.
 */
@Component
class DueConnections {

    /** One connection to sync, with the user it belongs to. */
    record Due(long userId, long connectionId) {
    }

    private record Candidate(Due due, Instant nextTry, long userOffsetSeconds) {
        boolean dueAt(Instant serverNow) {
            return !nextTry.isAfter(serverNow.plusSeconds(userOffsetSeconds));
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    DueConnections(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** At most {@code limit} due connections, the longest overdue first. */
    List<Due> oldestFirst(int limit) {
        Instant now = clock.instant();
        long largestOffset = jdbc.sql("SELECT COALESCE(MAX(offset_seconds), 0) FROM sandbox_user_clock")
                .query(Long.class).single();
        // Up to the time of the user furthest ahead, then each connection in its own user's time.
        // When no user clock moved (always outside the sandbox) every row selected is due: the
        // database applies the limit.
        return jdbc.sql("""
                        SELECT c.id, c.id_user, c.next_try, u.offset_seconds
                        FROM connection c LEFT JOIN sandbox_user_clock u ON u.id_user = c.id_user
                        WHERE c.active = TRUE AND c.next_try IS NOT NULL AND c.next_try <= :latest
                        ORDER BY c.next_try, c.id
                        FETCH FIRST :fetch ROWS ONLY""")
                .param("latest", utc(now.plusSeconds(largestOffset)))
                .param("fetch", largestOffset == 0 ? limit : Integer.MAX_VALUE)
                .query((rs, row) -> new Candidate(new Due(rs.getLong("id_user"), rs.getLong("id")),
                        DbTime.instant(rs, "next_try"), rs.getLong("offset_seconds")))
                .list().stream()
                .filter(candidate -> candidate.dueAt(now))
                .limit(limit)
                .map(Candidate::due)
                .toList();
    }

    /** The user a connection belongs to; empty once it was deleted. */
    Optional<Long> owner(long connectionId) {
        return jdbc.sql("SELECT id_user FROM connection WHERE id = :id").param("id", connectionId)
                .query(Long.class).optional();
    }
}
