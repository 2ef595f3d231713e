package dev.passerelle.server.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import dev.passerelle.server.support.TestApi;
import dev.passerelle.server.support.TestConnector;
import dev.passerelle.server.sync.DecoupledPolling.DecoupledPoll;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The {@code poll-decoupled} task run by the real scheduler (docs/protocol.md §4 {@code decoupled}):
 * scheduled at the connector's {@code pollAfter} (2 s for the test connector, longer than this
 * server's least interval), it polls and reschedules itself until the validation is given, and the
 * client never polls.
 */
@Import(DecoupledPollSteps.class)
@TestPropertySource(properties = {"passerelle.connections.decoupled-poll-interval=1s", "db-scheduler.polling-interval=1s"})
class DecoupledPollingSchedulerTest extends BackgroundSyncTest {

    @Autowired
    DecoupledPollSteps polls;

    @Test
    void aShortDecoupledConnectionCompletesThroughTheSchedulerWithoutTheClientPolling() {
        TestApi.Response added = api.post("/users/me/connections").bearer(user.token())
                .json(TestConnector.fields("shortDecoupled").map()).send();
        assertThat(added.status()).as("%s", added).isEqualTo(202);
        long id = added.json().get("id").asLong();
        ScheduledExecution<Object> scheduled = polls.scheduled(id, "directaccess").orElseThrow();
        // The database keeps microseconds.
        assertThat(scheduled.getExecutionTime()).isCloseTo(((DecoupledPoll) scheduled.getData()).asked()
                .plus(Duration.ofSeconds(2)), within(1, ChronoUnit.MILLIS));

        clock.advance(Duration.ofSeconds(6));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> connection(id).get("state").isNull());
        JsonNode logs = logs(id);
        assertThat(logs.get(0).get("actor").asString()).isEqualTo("scheduler");
        assertThat(StreamSupport.stream(logs.spliterator(), false).filter(log -> log.get("to_state").isNull()))
                .as("completed once").hasSize(1);
        await().atMost(Duration.ofSeconds(60)).until(() -> polls.scheduled(id, "directaccess").isEmpty());
    }
}
