package dev.passerelle.multiinstance;

import static org.awaitility.Awaitility.await;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

/**
 * Two server processes, {@code instance-a} and {@code instance-b}, started on a freshly emptied
 * PostgreSQL database, with the fixtures the tests share: connections that sync OK, a cycle made
 * due, the wait for its end, and who did what.
 */
abstract class TwoInstances {

    static final String SYNC_CONNECTION = "sync-connection";

    /** Connections per test: enough for both instances to take a share of a cycle. */
    static final int CONNECTIONS = 40;

    /** How many connections one user adds (the per-token creation limit is 20 a minute). */
    private static final int CONNECTIONS_PER_USER = 5;

    final SharedDatabase db = new SharedDatabase();
    ServerInstance a;
    ServerInstance b;

    TwoInstances() throws SQLException {
    }

    @BeforeEach
    void startTwoInstances(TestInfo test) throws SQLException {
        db.reset();
        String run = test.getTestClass().orElseThrow().getSimpleName();
        Map<String, String> settings = ClusterSettings.shared();
        a = new ServerInstance("instance-a", run, settings);
        b = new ServerInstance("instance-b", run, settings);
        long start = System.nanoTime();
        a.start();
        b.start();
        a.awaitReady();
        b.awaitReady();
        System.out.printf("[figure] two instances started together, both ready in %d ms%n",
                Duration.ofNanos(System.nanoTime() - start).toMillis());
    }

    @AfterEach
    void stopInstances() throws Exception {
        a.stop();
        b.stop();
        db.close();
    }

    /**
     * Adds {@link #CONNECTIONS} connections of the {@code par} scenario with every account enabled,
     * the users and requests alternating between the two instances; returns their ids.
     */
    List<Long> parConnections() {
        return parConnections(false);
    }

    /**
     * As {@link #parConnections()}, each user's own sandbox clock first put at midday
     * ({@link Api#clockAtMidday}), so that the test connector shows the same day's operations for
     * the whole test, whatever the real time.
     */
    List<Long> parConnectionsAtMidday() {
        return parConnections(true);
    }

    private List<Long> parConnections(boolean atMidday) {
        List<Long> ids = new ArrayList<>();
        for (int user = 0; user < CONNECTIONS / CONNECTIONS_PER_USER; user++) {
            Api api = new Api(user % 2 == 0 ? a : b);
            Api.User owner = api.newUser();
            if (atMidday) {
                api.clockAtMidday(owner);
            }
            for (int i = 0; i < CONNECTIONS_PER_USER; i++) {
                long connection = api.addParConnection(owner);
                api.enableAllAccounts(owner, connection);
                ids.add(connection);
            }
        }
        return ids;
    }

    /**
     * Starts a cycle: every connection becomes due now. {@code next_try} is moved into the past in
     * the database rather than with the sandbox test clock, on purpose: that clock is an offset
     * kept in each process, so the instances would disagree on the time between two moves (and a
     * restarted instance would start back at the real time). db-scheduler compares the heartbeats
     * one instance writes with another's clock, so the instance ahead would take the other's running
     * work for dead: an artefact of the test, not what runs in production, where instances share the
     * real time. Returns the last timeline event before the cycle.
     */
    long startCycle() throws SQLException {
        long lastEvent = db.count("SELECT COALESCE(MAX(id), 0) FROM connection_event");
        db.update("UPDATE connection SET next_try = now() - INTERVAL '1 minute'");
        return lastEvent;
    }

    /** Waits until no connection is due and no sync is queued or running. */
    void awaitCycleEnd() {
        await("end of the cycle").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() ->
                db.count("SELECT COUNT(*) FROM connection WHERE next_try <= now()") == 0
                        && db.count("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = ?", SYNC_CONNECTION) == 0);
    }

    /** Background syncs (actor {@code scheduler} in {@code /logs}) per connection, after event {@code after}. */
    Map<Long, Long> backgroundSyncsAfter(long after) throws SQLException {
        return db.countsBy("""
                SELECT id_connection, COUNT(*) FROM connection_event
                WHERE actor = 'scheduler' AND id > ? GROUP BY id_connection""", after);
    }

    /**
     * The connections {@code instance} synced in the background after event {@code after}, once per
     * sync, as the support timeline records who ran each step.
     */
    List<Long> backgroundSyncsBy(ServerInstance instance, long after) throws SQLException {
        return db.longs("""
                SELECT id_connection FROM connection_event
                WHERE actor = 'scheduler' AND id > ? AND instance = ? ORDER BY id""", after, instance.name());
    }
}
