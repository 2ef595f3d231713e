package dev.passerelle.testbank;

import static dev.passerelle.testbank.Bank.directaccess;
import static dev.passerelle.testbank.Outcomes.as;
import static dev.passerelle.testbank.Outcomes.challenge;
import static dev.passerelle.testbank.Outcomes.decoupled;
import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.connector.FieldSpec;
import dev.passerelle.connector.StepResult;
import dev.passerelle.testkit.Dialogue;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScaScenariosTest {

    @ParameterizedTest
    @ValueSource(strings = {"SCARequired", "SCARequiredAndOTP", "SCARequiredAndDecoupled"})
    void scaScenarioWhenStartedThenSuccess(String scenario) {
        assertThat(directaccess(scenario).start()).isInstanceOf(StepResult.Success.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SCARequired", "SCARequiredAndOTP", "SCARequiredAndDecoupled"})
    void scaScenarioWhenSyncedInBackgroundThenScaRequired(String scenario) {
        StepResult.ScaRequired required = as(StepResult.ScaRequired.class, started(scenario).sync(false));

        assertThat(required.message()).isEqualTo("Strong customer authentication required");
    }

    @Test
    void scaRequiredWhenSyncedWithUserPresentThenSuccess() {
        assertThat(started("SCARequired").sync(true)).isInstanceOf(StepResult.Success.class);
    }

    @Test
    void scaRequiredAndOtpWhenSyncedWithUserPresentThenOtpChallenge() {
        StepResult.Challenge challenge = challenge(started("SCARequiredAndOTP").sync(true));

        assertThat(challenge.fields()).extracting(FieldSpec::name).containsExactly("openapisms");
        assertThat(challenge.message()).isEqualTo("openapisms: Dites abcd");
    }

    @Test
    void scaRequiredAndOtpWhenAnsweredAbcdThenSuccess() {
        Dialogue bank = started("SCARequiredAndOTP");
        bank.sync(true);
        bank.clock().advance(Duration.ofSeconds(20));

        assertThat(bank.answer(Map.of("openapisms", "abcd"))).isInstanceOf(StepResult.Success.class);
    }

    @Test
    void scaRequiredAndDecoupledWhenSyncedWithUserPresentThenDecoupled() {
        assertThat(decoupled(started("SCARequiredAndDecoupled").sync(true)).message())
                .isEqualTo("You need to confirm the connection on your bank website");
    }

    @Test
    void scaRequiredAndDecoupledWhenResumedAfterShortDelayThenSuccess() {
        Dialogue bank = started("SCARequiredAndDecoupled");
        bank.sync(true);
        bank.clock().advance(Duration.ofSeconds(5));

        assertThat(bank.poll()).isInstanceOf(StepResult.Success.class);
    }

    @Test
    void scaRequiredWhenSyncedInBackgroundAgainAfterUserSyncThenScaRequiredAgain() {
        Dialogue bank = started("SCARequired");
        bank.sync(true);

        assertThat(bank.sync(false)).isInstanceOf(StepResult.ScaRequired.class);
    }

    private static Dialogue started(String scenario) {
        Dialogue bank = directaccess(scenario);
        bank.start();
        return bank;
    }
}
