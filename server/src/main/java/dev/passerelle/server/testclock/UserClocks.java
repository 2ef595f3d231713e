package dev.passerelle.server.testclock;

import dev.passerelle.server.config.ConditionalOnSandboxMode;
import dev.passerelle.server.config.OffsetClock;
import dev.passerelle.server.users.UserDeleted;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sandbox mode: each user's own clock offset, on top of the server's ({@code sandbox_user_clock},
 * whole seconds, so it survives restarts). The server clock asks here for the offset of the user
 * the current work is about; this process caches them, and reads a user's again at each of the
 * user's requests ({@link UserTimeFilter}), so an offset moved through another instance shows there.
 */
@Component
@ConditionalOnSandboxMode
public class UserClocks {

    private final JdbcClient jdbc;
    private final TransactionTemplate outsideTransactions;
    private final Map<Long, Duration> offsets = new ConcurrentHashMap<>();

    UserClocks(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        // The clock may first be read for a user inside a transaction, even a failed one: the
        // offset is read on a connection of its own.
        this.outsideTransactions = new TransactionTemplate(transactions);
        outsideTransactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
        if (clock instanceof OffsetClock server) {
            server.followUsers(this::offset);
        }
    }

    /** How far {@code userId}'s clock is ahead of the server's. */
    public Duration offset(long userId) {
        return offsets.computeIfAbsent(userId, this::stored);
    }

    /** Forgets the cached offset of {@code userId}, which another instance may have moved. */
    void reload(long userId) {
        offsets.remove(userId);
    }

    /** Moves {@code userId}'s clock {@code by} forward, to the second; returns the new offset. */
    public Duration advance(long userId, Duration by) {
        long seconds = by.toSeconds();
        if (add(userId, seconds) == 0) {
            try {
                jdbc.sql("INSERT INTO sandbox_user_clock (id_user, offset_seconds) VALUES (:user, :seconds)")
                        .param("user", userId).param("seconds", seconds).update();
            } catch (DuplicateKeyException raced) {
                add(userId, seconds); // a concurrent advance inserted the row first
            }
        }
        offsets.remove(userId);
        return offset(userId);
    }

    @EventListener
    void forget(UserDeleted deleted) {
        offsets.remove(deleted.userId()); // its row went with the user (ON DELETE CASCADE)
    }

    private int add(long userId, long seconds) {
        return jdbc.sql("UPDATE sandbox_user_clock SET offset_seconds = offset_seconds + :seconds WHERE id_user = :user")
                .param("user", userId).param("seconds", seconds).update();
    }

    private Duration stored(long userId) {
        Long seconds = outsideTransactions.execute(status -> jdbc
                .sql("SELECT offset_seconds FROM sandbox_user_clock WHERE id_user = :user").param("user", userId)
                .query(Long.class).optional().orElse(0L));
        return Duration.ofSeconds(seconds);
    }
}
