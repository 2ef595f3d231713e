package dev.passerelle.multiinstance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Issue 5 item 5: two instances share a cycle of background syncs, each due connection synced once. */
class DueConnectionsAcrossInstancesTest extends TwoInstances {

    DueConnectionsAcrossInstancesTest() throws Exception {
    }

    @Test
    void whenConnectionsAreDueThenEachIsSyncedExactlyOnceAndBothInstancesTakeAShare() throws Exception {
        List<Long> connections = parConnections();

        long before = startCycle();
        long start = System.nanoTime();
        awaitCycleEnd();
        System.out.printf("[figure] %d connections synced by 2 instances in %d ms%n", connections.size(),
                Duration.ofNanos(System.nanoTime() - start).toMillis());

        assertThat(backgroundSyncsAfter(before)).as("background syncs per connection")
                .containsOnlyKeys(connections)
                .allSatisfy((connection, syncs) -> assertThat(syncs).as("syncs of connection " + connection).isOne());
        List<Long> byA = backgroundSyncsBy(a, before);
        List<Long> byB = backgroundSyncsBy(b, before);
        System.out.printf("[figure] instance-a ran %d syncs, instance-b %d%n", byA.size(), byB.size());
        assertThat(Stream.concat(byA.stream(), byB.stream()).toList()).as("syncs run by both instances")
                .containsExactlyInAnyOrderElementsOf(connections);
        assertThat(byA).as("syncs run by instance-a").isNotEmpty();
        assertThat(byB).as("syncs run by instance-b").isNotEmpty();
    }
}
