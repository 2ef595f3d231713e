package dev.passerelle.server.audit;

import static dev.passerelle.server.config.DbTime.utc;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way to change the configuration at run time. A change runs in one transaction that
 * first bumps {@code config_version}: the row lock makes changes take turns across instances, so
 * the "before" a change logs is the value it replaced. The change tells its {@link Record} what it
 * did to which key; each effective difference becomes a {@code config_log} row, and once the
 * transaction commits this instance reads the new configuration at its next use.
 */
@Component
public class ConfigChanges {

    /** Longest value kept in the log; longer ones are cut, with a mark. */
    static final int MAX_LOGGED = 8000;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ConfigVersion version;
    private final Clock clock;

    public ConfigChanges(JdbcClient jdbc, TransactionTemplate transactions, ConfigVersion version, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.version = version;
        this.clock = clock;
    }

    /** What a change did, key by key; values are what the audit log shows (never a secret). */
    public interface Record {

        /** {@code key} went from {@code before} to {@code after}; null stands for "absent". Nothing is logged when they are equal. */
        void changed(String key, String before, String after);
    }

    /** Runs {@code change} as {@code who}, logged and announced; its result is returned. */
    public <T> T apply(ChangedBy who, Function<Record, T> change) {
        version.enterChange();
        try {
            return inTransaction(who, change);
        } finally {
            version.leaveChange();
        }
    }

    private <T> T inTransaction(ChangedBy who, Function<Record, T> change) {
        return transactions.execute(status -> {
            jdbc.sql("UPDATE config_version SET version = version + 1 WHERE id = 1").update();
            List<Entry> entries = new ArrayList<>();
            T result = change.apply((key, before, after) -> {
                if (!Objects.equals(before, after)) {
                    entries.add(new Entry(key, before, after));
                }
            });
            Instant now = clock.instant();
            entries.forEach(entry -> log(who, now, entry));
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    version.forget();
                }
            });
            return result;
        });
    }

    private void log(ChangedBy who, Instant at, Entry entry) {
        ChangeType type = entry.before == null ? ChangeType.ADD : entry.after == null ? ChangeType.DELETE : ChangeType.UPDATE;
        jdbc.sql("""
                        INSERT INTO config_log (occurred, actor, change_type, config_key, previous_value, new_value)
                        VALUES (:at, :actor, :type, :key, :before, :after)""")
                .param("at", utc(at)).param("actor", cut(who.name(), 200)).param("type", type.wire())
                .param("key", cut(entry.key, 300)).param("before", cut(entry.before, MAX_LOGGED))
                .param("after", cut(entry.after, MAX_LOGGED))
                .update();
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }

    private record Entry(String key, String before, String after) {
    }
}
