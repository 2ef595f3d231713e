package dev.passerelle.testbank;

import static dev.passerelle.testbank.Bank.NOW;
import static dev.passerelle.testbank.Bank.directaccess;
import static dev.passerelle.testbank.Outcomes.decoupled;
import static dev.passerelle.testbank.Outcomes.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.passerelle.connector.FailureReason;
import dev.passerelle.connector.StepResult;
import dev.passerelle.testkit.Dialogue;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DecoupledScenariosTest {

    @Test
    void shortDecoupledWhenStartedThenDecoupledAskingToConfirmOnTheBankWebsite() {
        StepResult.Decoupled decoupled = decoupled(directaccess("shortDecoupled").start());

        assertThat(decoupled.message()).isEqualTo("You need to confirm the connection on your bank website");
        assertThat(decoupled.pollAfter()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void decoupledValidationExpiresAsLongAfterItIsGivenAsAOneTimeCode() {
        assertThat(decoupled(directaccess("shortDecoupled").start()).expiresAt()).isEqualTo(NOW.plusSeconds(5 + 300));
    }

    @Test
    void shortDecoupledWhenResumedBeforeFiveSecondsThenStillDecoupled() {
        assertThat(pollAt("shortDecoupled", 4)).isInstanceOf(StepResult.Decoupled.class);
    }

    @Test
    void shortDecoupledWhenResumedAtFiveSecondsThenSuccess() {
        assertThat(pollAt("shortDecoupled", 5)).isInstanceOf(StepResult.Success.class);
    }

    @Test
    void shortDecoupledWhenPolledTwiceThenValidationTimeIsKept() {
        Dialogue bank = directaccess("shortDecoupled");
        bank.start();
        bank.clock().advance(Duration.ofSeconds(3));
        bank.poll();
        bank.clock().advance(Duration.ofSeconds(2));

        assertThat(bank.poll()).isInstanceOf(StepResult.Success.class);
    }

    @Test
    void shortDecoupledWhenAwaitedAsTheServerPollsThenSuccessAfterFiveSeconds() {
        Dialogue bank = directaccess("shortDecoupled");
        bank.start();

        assertThat(bank.awaitDecoupled(Duration.ofMinutes(1))).isInstanceOf(StepResult.Success.class);
        assertThat(bank.clock().instant()).isEqualTo(NOW.plusSeconds(6));
    }

    @Test
    void longDecoupledWhenResumedAfterFiftyNineSecondsThenStillDecoupled() {
        assertThat(pollAt("longDecoupled", 59)).isInstanceOf(StepResult.Decoupled.class);
    }

    @Test
    void longDecoupledWhenResumedAfterSixtySecondsThenSuccess() {
        assertThat(pollAt("longDecoupled", 60)).isInstanceOf(StepResult.Success.class);
    }

    @Test
    void appValidationCancelledWhenResumedAfterDelayThenDecoupledCancelled() {
        assertThat(failure(pollAt("AppValidationCancelled", 5)).reason()).isEqualTo(FailureReason.DECOUPLED_CANCELLED);
    }

    @Test
    void appValidationExpiredWhenResumedAfterDelayThenDecoupledExpired() {
        assertThat(failure(pollAt("AppValidationExpired", 5)).reason()).isEqualTo(FailureReason.DECOUPLED_EXPIRED);
    }

    @Test
    void appValidationCancelledWhenResumedBeforeDelayThenStillDecoupled() {
        assertThat(pollAt("AppValidationCancelled", 1)).isInstanceOf(StepResult.Decoupled.class);
    }

    @Test
    void decoupledTimingsFollowTheSettings() {
        Dialogue bank = Bank.credentials("directaccess", "shortDecoupled")
                .setting("short-decoupled-seconds", "1").setting("decoupled-poll-seconds", "7").build();

        assertThat(decoupled(bank.start()).pollAfter()).isEqualTo(Duration.ofSeconds(7));
        bank.clock().advance(Duration.ofSeconds(1));
        assertThat(bank.poll()).isInstanceOf(StepResult.Success.class);
    }

    @Test
    void unreadableTimingSettingIsRefusedBeforeTheConnectorRuns() {
        assertThatThrownBy(() -> Bank.credentials("directaccess", "shortDecoupled")
                .setting("decoupled-poll-seconds", "soon").build())
                .hasMessageContaining("decoupled-poll-seconds").hasMessageContaining("whole number");
    }

    @Test
    void shortDecoupledWhenResumedWithoutPendingValidationThenValidationStartsAgain() {
        assertThat(directaccess("shortDecoupled").poll()).isInstanceOf(StepResult.Decoupled.class);
    }

    private static StepResult pollAt(String scenario, int secondsAfterStart) {
        Dialogue bank = directaccess(scenario);
        bank.start();
        bank.clock().advance(Duration.ofSeconds(secondsAfterStart));
        return bank.poll();
    }
}
