package dev.passerelle.multiinstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 5 item 5: an instance killed with {@code kill -9} in the middle of a cycle. The other
 * instance revives the syncs it held once their heartbeat is stale and finishes the cycle; no
 * transaction is lost or stored twice; the killed instance, restarted, takes its share again.
 */
class KilledInstanceTakeoverTest extends TwoInstances {

    /** Operations booked since the last sync, as far as the server can tell: it will fetch them again. */
    private static final int DAYS_BOOKED_SINCE = 21;

    KilledInstanceTakeoverTest() throws Exception {
    }

    @Test
    void whenAnInstanceIsKilledMidCycleThenTheOtherFinishesItWithNoTransactionLostOrDoubledAndTheKilledOneRejoins()
            throws Exception {
        List<Long> connections = parConnectionsAtMidday();
        List<List<Object>> reference = transactions();
        db.update("DELETE FROM bank_transaction WHERE tx_date >= current_date - " + DAYS_BOOKED_SINCE);
        assertThat(transactions()).as("transactions left to fetch again").hasSizeLessThan(reference.size());

        long before = startCycle();
        await("instance-a running syncs").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(5))
                .until(() -> !syncsHeldBy(a).isEmpty());
        a.kill();
        long killed = System.nanoTime();
        List<Long> orphaned = syncsHeldBy(a);
        awaitCycleEnd();
        System.out.printf("[figure] cycle finished by instance-b %d ms after kill -9 of instance-a (%d syncs orphaned)%n",
                Duration.ofNanos(System.nanoTime() - killed).toMillis(), orphaned.size());

        assertThat(orphaned).as("syncs instance-a held when killed").isNotEmpty();
        assertThat(backgroundSyncsBy(b, before)).as("syncs instance-b ran, the orphaned ones revived")
                .containsAll(orphaned);
        assertThat(backgroundSyncsAfter(before)).as("background syncs per connection")
                .containsOnlyKeys(connections)
                .allSatisfy((connection, syncs) -> assertThat(syncs).as("syncs of connection " + connection).isPositive());
        assertThat(transactions()).as("transactions after the cycle").isEqualTo(reference);
        assertThat(db.count("""
                SELECT COUNT(*) FROM (SELECT 1 FROM bank_transaction GROUP BY id_account, external_id HAVING COUNT(*) > 1) twice"""))
                .as("transactions stored twice").isZero();

        a.start();
        a.awaitReady();
        long rejoined = startCycle();
        awaitCycleEnd();
        assertThat(backgroundSyncsAfter(rejoined)).as("background syncs per connection after the restart")
                .containsOnlyKeys(connections)
                .allSatisfy((connection, syncs) -> assertThat(syncs).as("syncs of connection " + connection).isOne());
        assertThat(backgroundSyncsBy(a, rejoined)).as("syncs run by the restarted instance-a").isNotEmpty();
    }

    /** The connections whose sync execution the instance has picked and not finished. */
    private List<Long> syncsHeldBy(ServerInstance instance) throws SQLException {
        return db.longs("""
                SELECT CAST(task_instance AS BIGINT) FROM scheduled_tasks
                WHERE task_name = ? AND picked AND picked_by = ? ORDER BY 1""", SYNC_CONNECTION, instance.name());
    }

    /** Every stored operation as (connection, account, operation) external identity, sorted: a multiset. */
    private List<List<Object>> transactions() throws SQLException {
        return db.rows("""
                SELECT a.id_connection, a.external_id, t.external_id, t.deleted IS NULL
                FROM bank_transaction t JOIN bank_account a ON a.id = t.id_account
                ORDER BY 1, 2, 3""");
    }
}
