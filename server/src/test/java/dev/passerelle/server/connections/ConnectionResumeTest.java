package dev.passerelle.server.connections;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.config.InstanceName;
import dev.passerelle.server.support.MutableClock;
import dev.passerelle.server.support.TestApi;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Interactive steps resumed through {@code POST /users/{u}/connections/{c}} (docs/protocol.md §3.4, §4). */
class ConnectionResumeTest extends TestBankUserTest {

    @Autowired
    MutableClock clock;
    @Autowired
    UnfinishedAddPurge purge;
    @Autowired
    InstanceName instance;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void additionalInformationNeededWhenAnsweredThenOk() {
        long id = pending("additionalInformationNeeded");

        TestApi.Response answered = bank.update(id, Map.of("openapisms", "abcd"));

        assertThat(answered.status()).isEqualTo(200);
        assertThat(answered.json().get("state").isNull()).isTrue();
        assertThat(answered.json().get("fields").isNull()).isTrue();
        assertThat(answered.json().get("expire").isNull()).isTrue();
    }

    @Test
    void additionalInformationNeededWhenAnsweredWronglyThenAskedAgain() {
        long id = pending("additionalInformationNeeded");

        TestApi.Response answered = bank.update(id, Map.of("openapisms", "zzzz"));

        assertThat(answered.status()).isEqualTo(202);
        assertThat(answered.json().get("state").asString()).isEqualTo("additionalInformationNeeded");
        assertThat(answered.json().get("fields").get(0).get("name").asString()).isEqualTo("openapisms");
    }

    @Test
    void doubleOtpAsksTwiceThenOk() {
        long id = pending("doubleotp");

        TestApi.Response first = bank.update(id, Map.of("openapisms", "abcd"));
        assertThat(first.status()).isEqualTo(202);
        assertThat(first.json().get("fields").get(0).get("label").asString()).isEqualTo("Dites efgh");

        TestApi.Response second = bank.update(id, Map.of("openapisms", "efgh"));
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().get("state").isNull()).isTrue();
    }

    @Test
    void shortDecoupledWhenValidatedThenResumeIsOk() {
        long id = pending("shortDecoupled");
        assertThat(bank.get(id).json().get("state").asString()).isEqualTo("decoupled");

        clock.advance(Duration.ofSeconds(6));
        TestApi.Response resumed = bank.update(id, Map.of("resume", "true"));

        assertThat(resumed.status()).isEqualTo(200);
        assertThat(resumed.json().get("state").isNull()).isTrue();
    }

    @Test
    void longDecoupledWhenNotYetValidatedThenResumeWaitsBoundedAndStaysDecoupled() {
        long id = pending("longDecoupled");

        TestApi.Response resumed = bank.update(id, Map.of("resume", "true"));

        assertThat(resumed.status()).isEqualTo(202);
        assertThat(resumed.json().get("state").asString()).isEqualTo("decoupled");
    }

    @Test
    void decoupledResumeWithTheLegacyFlagAndAFormBodyWorks() {
        long id = pending("shortDecoupled");
        clock.advance(Duration.ofSeconds(6));

        TestApi.Response resumed = api.post("/users/me/connections/" + id).bearer(bank.token())
                .form(Map.of("decoupled", "1")).send();

        assertThat(resumed.status()).isEqualTo(200);
    }

    @Test
    void appValidationCancelledThenScaRequiredWithTheMessage() {
        long id = pending("AppValidationCancelled");
        clock.advance(Duration.ofSeconds(6));

        TestApi.Response resumed = bank.update(id, Map.of("resume", "true"));

        assertThat(resumed.status()).isEqualTo(202);
        assertThat(resumed.json().get("state").asString()).isEqualTo("SCARequired");
    }

    @Test
    void appValidationExpiredThenScaRequired() {
        long id = pending("AppValidationExpired");
        clock.advance(Duration.ofSeconds(6));

        TestApi.Response resumed = bank.update(id, Map.of("resume", "true"));

        assertThat(resumed.json().get("state").asString()).isEqualTo("SCARequired");
    }

    @Test
    void backgroundResumeAnswersValidatingAtOnceAndLocksTheConnection() {
        long id = pending("longDecoupled");

        TestApi.Response background = bank.update(id, "?background=true", Map.of("resume", "true"));
        TestApi.Response concurrent = bank.update(id, Map.of("resume", "true"));

        assertThat(background.status()).isEqualTo(202);
        assertThat(background.json().get("state").asString()).isEqualTo("validating");
        assertThat(concurrent.status()).isEqualTo(409);
        assertThat(concurrent.json().get("code").asString()).isEqualTo("connectionLocked");
    }

    @Test
    void everyStepIsOnTheTimelineWithFromAndToAndTheInstanceThatRanIt() {
        long id = pending("additionalInformationNeeded");
        bank.update(id, Map.of("openapisms", "abcd"));

        JsonNode logs = bank.logs(id).json().get("connectionlogs");

        assertThat(logs.size()).isEqualTo(2);
        assertThat(logs.get(0).get("from_state").asString()).isEqualTo("additionalInformationNeeded");
        assertThat(logs.get(0).get("to_state").isNull()).isTrue();
        assertThat(logs.get(0).get("actor").asString()).isEqualTo("user");
        assertThat(logs.findValuesAsString("instance")).containsOnly(instance.get());
        assertThat(logs.get(1).get("to_state").asString()).isEqualTo("additionalInformationNeeded");
        assertThat(logs.get(1).get("cause").asString()).doesNotContain("1234");
    }

    @Test
    void anUnfinishedAddIsPurgedAfterItsExpiry() {
        long id = pending("additionalInformationNeeded");

        clock.advance(Duration.ofHours(2).plusMinutes(1));
        purge.purge();

        assertThat(bank.get(id).status()).isEqualTo(404);
    }

    @Test
    void aFinishedAddIsNeverPurged() {
        long id = bank.added("par");

        clock.advance(Duration.ofHours(3));
        purge.purge();

        assertThat(bank.get(id).status()).isEqualTo(200);
    }

    private long pending(String scenario) {
        TestApi.Response response = bank.add(TestBank.fields(scenario));
        assertThat(response.status()).as("adding %s: %s", scenario, response).isEqualTo(202);
        return response.json().get("id").asLong();
    }
}
