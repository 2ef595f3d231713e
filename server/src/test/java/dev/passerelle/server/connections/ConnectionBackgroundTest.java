package dev.passerelle.server.connections;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.support.TestApi;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code background=true} (docs/protocol.md §3.4, §12): the request answers {@code validating} at once and the step
 * runs as a db-scheduler task, which any server instance may pick.
 */
class ConnectionBackgroundTest extends TestBankUserTest {

    @Test
    void aBackgroundAnswerRunsOnTheSchedulerAndTheConnectionLeavesValidating() {
        long id = bank.add(TestBank.fields("additionalInformationNeeded")).json().get("id").asLong();

        TestApi.Response queued = bank.update(id, "?background=true", Map.of("openapisms", "abcd"));

        assertThat(queued.status()).isEqualTo(202);
        assertThat(queued.json().get("state").asString()).isEqualTo("validating");
        JsonNode done = bank.awaitSettled(id);
        assertThat(done.get("state").isNull()).isTrue();
    }

    @Test
    void aBackgroundSyncRunsOnTheSchedulerAndIsOnTheTimeline() {
        long id = bank.added("par");

        TestApi.Response queued = api.put("/users/me/connections/" + id + "?background=true&psu_requested=false")
                .bearer(bank.token()).send();

        assertThat(queued.status()).isEqualTo(202);
        assertThat(bank.awaitSettled(id).get("state").isNull()).isTrue();
        assertThat(bank.logs(id).json().get("connectionlogs").get(0).get("cause").asString())
                .isEqualTo("sync without the user -> Success");
    }

    @Test
    void aBackgroundStepThatFailsKeepsTheFailureAsTheState() {
        long id = bank.added("par");

        bank.update(id, "?background=true", Map.of("password", "0000"));

        JsonNode done = bank.awaitSettled(id);
        assertThat(done.get("state").asString()).isEqualTo("wrongpass");
    }
}
