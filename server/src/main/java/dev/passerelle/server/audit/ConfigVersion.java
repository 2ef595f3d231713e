package dev.passerelle.server.audit;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The version of the configuration held in the database, as this instance last read it: every
 * change bumps it ({@link ConfigChanges}), and an instance reads it again at most once per
 * {@code passerelle.configuration.refresh-interval} (1 s by default). A change made on this
 * instance is seen here at once; on the others within that interval, without a restart.
 */
@Component
public class ConfigVersion {

    private final JdbcClient jdbc;
    private final long refreshNanos;
    private volatile Read last = new Read(-1, 0);
    /** How deep this thread is in configuration changes, whose uncommitted rows no cache may keep. */
    private final ThreadLocal<Integer> changing = ThreadLocal.withInitial(() -> 0);

    public ConfigVersion(JdbcClient jdbc,
                         @Value("${passerelle.configuration.refresh-interval:1s}") Duration refreshInterval) {
        this.jdbc = jdbc;
        this.refreshNanos = refreshInterval.toNanos();
    }

    /** The current version: the one read less than the refresh interval ago, or a fresh read. */
    public long current() {
        Read read = last;
        long now = System.nanoTime();
        if (read.version < 0 || now - read.at >= refreshNanos) {
            read = new Read(jdbc.sql("SELECT version FROM config_version WHERE id = 1").query(Long.class).single(), now);
            last = read;
        }
        return read.version;
    }

    /** Forgets the version read, so the next {@link #current} reads it: a change was just committed here. */
    void forget() {
        last = new Read(-1, 0);
    }

    /**
     * Whether this thread is inside a configuration change: what it reads there includes rows not
     * committed yet, under a version number the commit makes current, so it must not be cached.
     */
    boolean changing() {
        return changing.get() > 0;
    }

    void enterChange() {
        changing.set(changing.get() + 1);
    }

    void leaveChange() {
        changing.set(changing.get() - 1);
    }

    /** The version, and when it was read ({@link System#nanoTime}: the refresh runs on the machine's time, not the test clock). */
    private record Read(long version, long at) {
    }
}
