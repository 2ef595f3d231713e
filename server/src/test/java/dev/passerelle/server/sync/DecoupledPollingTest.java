package dev.passerelle.server.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import dev.passerelle.runtime.lease.Leases;
import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.TestApi;
import dev.passerelle.server.support.TestConnector;
import dev.passerelle.server.sync.DecoupledPolling.DecoupledPoll;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * The server polls a decoupled validation in the background, so that it completes without the
 * client's {@code resume=true} (docs/protocol.md §4 {@code decoupled}). The polls run here as the
 * {@code poll-decoupled} task runs them, the test clock moved instead of waited on.
 */
@Import(DecoupledPollSteps.class)
class DecoupledPollingTest extends BackgroundSyncTest {

    private static final String SOURCE = "directaccess";

    @Autowired
    DecoupledPollSteps polls;
    @Autowired
    Leases leases;

    private long id;

    @Test
    void aValidationGivenInTheBankAppCompletesWithoutTheClientPolling() {
        added("shortDecoupled");
        assertThat(polls.scheduled(id, SOURCE)).as("a poll is scheduled as soon as the validation is asked").isPresent();
        clock.advance(Duration.ofSeconds(6));

        assertThat(polls.poll(id, SOURCE)).as("nothing left to poll").isEmpty();

        JsonNode connection = connection(id);
        assertThat(connection.get("state").isNull()).isTrue();
        assertThat(connection.get("last_update").isNull()).isFalse();
        JsonNode latest = logs(id).get(0);
        assertThat(latest.get("actor").asString()).isEqualTo("scheduler");
        assertThat(latest.get("from_state").asString()).isEqualTo("decoupled");
        assertThat(latest.get("to_state").isNull()).isTrue();
        assertThat(polls.scheduled(id, SOURCE)).isEmpty();
    }

    @Test
    void theServerNeverPollsSoonerThanItsLeastInterval() {
        added("shortDecoupled");

        ScheduledExecution<Object> scheduled = polls.scheduled(id, SOURCE).orElseThrow();

        // The test connector asks for 2 s; these tests' least interval is IntegrationTest.BACKGROUND_PAUSE.
        assertThat(scheduled.getExecutionTime()).isCloseTo(((DecoupledPoll) scheduled.getData()).asked()
                .plus(Duration.parse("P" + IntegrationTest.BACKGROUND_PAUSE.toUpperCase())), within(1, ChronoUnit.MILLIS));
    }

    @Test
    void aValidationNotGivenYetIsPolledAgainUntilItIs() {
        added("longDecoupled");
        clock.advance(Duration.ofSeconds(10));

        assertThat(polls.poll(id, SOURCE)).as("polled again later").isPresent();
        assertThat(connection(id).get("state").asString()).isEqualTo("decoupled");
        clock.advance(Duration.ofSeconds(60));

        assertThat(polls.poll(id, SOURCE)).isEmpty();
        assertThat(connection(id).get("state").isNull()).isTrue();
    }

    @Test
    void aCompletedPollRenewsTheConsentAsTheUsersOwnValidationWould() {
        added("shortDecoupled");
        assertThat(source().get("access_expire").isNull()).isTrue();
        clock.advance(Duration.ofSeconds(6));

        polls.poll(id, SOURCE);

        assertThat(source().get("access_expire").isNull()).isFalse();
    }

    @Test
    void aValidationNotGivenInTimeGoesToScaRequiredWithATimelineEntryAndNoMorePolls() {
        added("longDecoupled");
        clock.advance(Duration.ofMinutes(11));

        assertThat(polls.poll(id, SOURCE)).isEmpty();

        JsonNode connection = connection(id);
        assertThat(connection.get("state").asString()).isEqualTo("SCARequired");
        assertThat(connection.get("error_message").asString()).contains("not given in time");
        JsonNode latest = logs(id).get(0);
        assertThat(latest.get("actor").asString()).isEqualTo("scheduler");
        assertThat(latest.get("from_state").asString()).isEqualTo("decoupled");
        assertThat(latest.get("to_state").asString()).isEqualTo("SCARequired");
        assertThat(latest.get("cause").asString()).contains("not given in time");
        assertThat(polls.scheduled(id, SOURCE)).isEmpty();
    }

    @Test
    void aNewValidationReplacesThePollOfTheEarlierOneAndItsExpiryCountsFromTheNewOne() {
        added("longDecoupled");
        Instant first = asked();
        clock.advance(Duration.ofMinutes(5));

        TestApi.Response again = api.post("/users/me/connections/" + id).bearer(user.token())
                .json(Map.of("password", TestConnector.PASSWORD)).send();

        assertThat(again.json().get("state").asString()).isEqualTo("decoupled");
        assertThat(asked()).isAfterOrEqualTo(first.plus(Duration.ofMinutes(5)));
    }

    @Test
    void aPollThatMeetsAnotherStepWaitsAndNeverCompletesTheValidationTwice() {
        added("shortDecoupled");
        clock.advance(Duration.ofSeconds(6));
        int before = logs(id).size();
        leases.take(id);
        try {
            assertThat(polls.poll(id, SOURCE)).as("tried again later").isPresent();
            assertThat(connection(id).get("state").asString()).isEqualTo("decoupled");
            assertThat(logs(id).size()).isEqualTo(before);
        } finally {
            leases.release(id);
        }

        TestApi.Response resumed = api.post("/users/me/connections/" + id).bearer(user.token())
                .json(Map.of("resume", "true")).send();
        assertThat(resumed.status()).isEqualTo(200);

        assertThat(polls.poll(id, SOURCE)).isEmpty();
        assertThat(logs(id).size()).as("one completion only").isEqualTo(before + 1);
    }

    @Test
    void aResumeAfterTheBackgroundPollCompletedAnswersTheConnectionWithoutCallingTheBankAgain() {
        added("shortDecoupled");
        clock.advance(Duration.ofSeconds(6));
        polls.poll(id, SOURCE);
        int before = logs(id).size();

        TestApi.Response resumed = api.post("/users/me/connections/" + id).bearer(user.token())
                .json(Map.of("resume", "true")).send();

        assertThat(resumed.status()).isEqualTo(200);
        assertThat(resumed.json().get("state").isNull()).isTrue();
        assertThat(logs(id).size()).isEqualTo(before);
    }

    private Instant asked() {
        return ((DecoupledPoll) polls.scheduled(id, SOURCE).orElseThrow().getData()).asked();
    }

    private JsonNode source() {
        return api.get("/users/me/connections/" + id + "/sources").bearer(user.token()).send().json()
                .get("sources").get(0);
    }

    private void added(String scenario) {
        TestApi.Response response = api.post("/users/me/connections").bearer(user.token())
                .json(TestConnector.fields(scenario).map()).send();
        assertThat(response.status()).as("adding %s: %s", scenario, response).isIn(200, 202);
        id = response.json().get("id").asLong();
    }
}
