package dev.passerelle.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import dev.passerelle.server.connections.ConnectionSyncs;
import dev.passerelle.server.support.TestApi;
import dev.passerelle.server.support.TestConnector;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The background sync picks due connections and syncs them without the user (docs/protocol.md §3.5, §8.4). */
class SyncSchedulerTest extends BackgroundSyncTest {

    @Autowired
    ConnectionSyncs connections;
    @Autowired
    SchedulerClient scheduler;

    @Test
    void parConnectionAfterOneDayIsSyncedByTheScheduler() {
        long id = added("par");
        clock.advance(ONE_DAY_LATER);
        assertThat(isDue(id)).isTrue();

        sync.sync(id);

        assertThat(logs(id).findValuesAsString("actor")).contains("scheduler");
    }

    @Test
    void dueConnectionIsQueuedAsOneSyncTaskNamedByItsId() {
        long id = added("par");
        clock.advance(ONE_DAY_LATER);
        BackgroundSync everything = new BackgroundSync(due, connections, new SyncProperties(null, Integer.MAX_VALUE), clock);

        everything.queueDue(scheduler);

        assertThat(scheduler.getScheduledExecution(BackgroundSync.SYNC_CONNECTION.instanceId(String.valueOf(id)))).isPresent();
    }

    @Test
    void parConnectionIsNotDueBeforeItsSyncPeriod() {
        long id = added("par");

        assertThat(isDue(id)).isFalse();
    }

    @Test
    void scaRequiredConnectionSyncedWithoutTheUserIsNotSelectedAgain() {
        long id = added("SCARequired");
        clock.advance(ONE_DAY_LATER);

        sync.sync(id);
        clock.advance(Duration.ofDays(3));

        JsonNode connection = connection(id);
        assertThat(connection.get("state").asString()).isEqualTo("SCARequired");
        assertThat(connection.get("next_try").isNull()).isTrue();
        assertThat(isDue(id)).isFalse();
    }

    @Test
    void inactiveConnectionIsNeverSelected() {
        long id = added("par");
        TestApi.Response deactivated = api.post("/users/me/connections/" + id).bearer(user.token())
                .json(Map.of("active", false)).send();
        assertThat(deactivated.status()).isEqualTo(200);

        clock.advance(ONE_DAY_LATER);

        assertThat(isDue(id)).isFalse();
    }

    @Test
    void deletedConnectionIsSkippedQuietly() {
        long id = added("par");
        api.delete("/users/me/connections/" + id).bearer(user.token()).send();

        sync.sync(id);

        assertThat(due.owner(id)).isEmpty();
    }

    private long added(String scenario) {
        TestApi.Response response = api.post("/users/me/connections").bearer(user.token()).json(TestConnector.fields(scenario).map()).send();
        assertThat(response.status()).as("adding %s: %s", scenario, response).isEqualTo(200);
        return response.json().get("id").asLong();
    }
}
