package dev.passerelle.testbank;

import static dev.passerelle.testbank.ContextBuilder.NOW;
import static dev.passerelle.testbank.ContextBuilder.aContext;
import static dev.passerelle.testbank.Outcomes.as;
import static dev.passerelle.testbank.Outcomes.challenge;
import static dev.passerelle.testbank.Outcomes.decoupled;
import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.connector.FieldSpec;
import dev.passerelle.connector.StepResult;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScaScenariosTest {

    private final TestBankConnector connector = new TestBankConnector();

    @ParameterizedTest
    @ValueSource(strings = {"SCARequired", "SCARequiredAndOTP", "SCARequiredAndDecoupled"})
    void scaScenarioWhenStartedThenSuccess(String scenario) {
        assertThat(connector.start(aContext().scenario(scenario).build())).isInstanceOf(StepResult.Success.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SCARequired", "SCARequiredAndOTP", "SCARequiredAndDecoupled"})
    void scaScenarioWhenSyncedInBackgroundThenScaRequired(String scenario) {
        StepResult.ScaRequired required = as(StepResult.ScaRequired.class, syncAfterStart(scenario, false));

        assertThat(required.message()).isEqualTo("Strong customer authentication required");
    }

    @Test
    void scaRequiredWhenSyncedWithUserPresentThenSuccess() {
        assertThat(syncAfterStart("SCARequired", true)).isInstanceOf(StepResult.Success.class);
    }

    @Test
    void scaRequiredAndOtpWhenSyncedWithUserPresentThenOtpChallenge() {
        StepResult.Challenge challenge = challenge(syncAfterStart("SCARequiredAndOTP", true));

        assertThat(challenge.fields()).extracting(FieldSpec::name).containsExactly("openapisms");
        assertThat(challenge.message()).isEqualTo("openapisms: Dites abcd");
    }

    @Test
    void scaRequiredAndOtpWhenAnsweredAbcdThenSuccess() {
        StepResult challenged = syncAfterStart("SCARequiredAndOTP", true);

        StepResult result = connector.resume(aContext().scenario("SCARequiredAndOTP").session(challenged.session())
                .at(NOW.plusSeconds(20)).build(), Map.of("openapisms", "abcd"));

        assertThat(result).isInstanceOf(StepResult.Success.class);
    }

    @Test
    void scaRequiredAndDecoupledWhenSyncedWithUserPresentThenDecoupled() {
        assertThat(decoupled(syncAfterStart("SCARequiredAndDecoupled", true)).message())
                .isEqualTo("You need to confirm the connection on your bank website");
    }

    @Test
    void scaRequiredAndDecoupledWhenResumedAfterShortDelayThenSuccess() {
        StepResult waiting = syncAfterStart("SCARequiredAndDecoupled", true);

        StepResult result = connector.resume(aContext().scenario("SCARequiredAndDecoupled").session(waiting.session())
                .at(NOW.plusSeconds(5)).build(), Map.of("resume", "true"));

        assertThat(result).isInstanceOf(StepResult.Success.class);
    }

    @Test
    void scaRequiredWhenSyncedInBackgroundAgainAfterUserSyncThenScaRequiredAgain() {
        String afterUserSync = syncAfterStart("SCARequired", true).session();

        assertThat(connector.sync(aContext().scenario("SCARequired").session(afterUserSync).userAbsent().build()))
                .isInstanceOf(StepResult.ScaRequired.class);
    }

    private StepResult syncAfterStart(String scenario, boolean userPresent) {
        String session = connector.start(aContext().scenario(scenario).build()).session();
        ContextBuilder sync = aContext().scenario(scenario).session(session);
        return connector.sync(userPresent ? sync.build() : sync.userAbsent().build());
    }
}
