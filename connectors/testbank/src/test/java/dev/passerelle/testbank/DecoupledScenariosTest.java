package dev.passerelle.testbank;

import static dev.passerelle.testbank.ContextBuilder.NOW;
import static dev.passerelle.testbank.ContextBuilder.aContext;
import static dev.passerelle.testbank.Outcomes.decoupled;
import static dev.passerelle.testbank.Outcomes.failure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.connector.FailureReason;
import dev.passerelle.connector.StepResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DecoupledScenariosTest {

    private final TestBankConnector connector = new TestBankConnector();

    @Test
    void shortDecoupledWhenStartedThenDecoupledAskingToConfirmOnTheBankWebsite() {
        StepResult.Decoupled decoupled = decoupled(start("shortDecoupled"));

        assertThat(decoupled.message()).isEqualTo("You need to confirm the connection on your bank website");
        assertThat(decoupled.pollAfter()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void shortDecoupledWhenResumedBeforeFiveSecondsThenStillDecoupled() {
        assertThat(poll("shortDecoupled", start("shortDecoupled"), NOW.plusSeconds(4)))
                .isInstanceOf(StepResult.Decoupled.class);
    }

    @Test
    void shortDecoupledWhenResumedAtFiveSecondsThenSuccess() {
        assertThat(poll("shortDecoupled", start("shortDecoupled"), NOW.plusSeconds(5)))
                .isInstanceOf(StepResult.Success.class);
    }

    @Test
    void shortDecoupledWhenPolledTwiceThenValidationTimeIsKept() {
        StepResult waiting = poll("shortDecoupled", start("shortDecoupled"), NOW.plusSeconds(3));

        assertThat(poll("shortDecoupled", waiting, NOW.plusSeconds(5))).isInstanceOf(StepResult.Success.class);
    }

    @Test
    void longDecoupledWhenResumedAfterFiftyNineSecondsThenStillDecoupled() {
        assertThat(poll("longDecoupled", start("longDecoupled"), NOW.plusSeconds(59)))
                .isInstanceOf(StepResult.Decoupled.class);
    }

    @Test
    void longDecoupledWhenResumedAfterSixtySecondsThenSuccess() {
        assertThat(poll("longDecoupled", start("longDecoupled"), NOW.plusSeconds(60)))
                .isInstanceOf(StepResult.Success.class);
    }

    @Test
    void appValidationCancelledWhenResumedAfterDelayThenDecoupledCancelled() {
        StepResult result = poll("AppValidationCancelled", start("AppValidationCancelled"), NOW.plusSeconds(5));

        assertThat(failure(result).reason()).isEqualTo(FailureReason.DECOUPLED_CANCELLED);
    }

    @Test
    void appValidationExpiredWhenResumedAfterDelayThenDecoupledExpired() {
        StepResult result = poll("AppValidationExpired", start("AppValidationExpired"), NOW.plusSeconds(5));

        assertThat(failure(result).reason()).isEqualTo(FailureReason.DECOUPLED_EXPIRED);
    }

    @Test
    void appValidationCancelledWhenResumedBeforeDelayThenStillDecoupled() {
        assertThat(poll("AppValidationCancelled", start("AppValidationCancelled"), NOW.plusSeconds(1)))
                .isInstanceOf(StepResult.Decoupled.class);
    }

    @Test
    void decoupledTimingsFollowTheSettings() {
        StepResult started = connector.start(aContext().scenario("shortDecoupled")
                .setting("short-decoupled-seconds", "1").setting("decoupled-poll-seconds", "7").build());

        assertThat(decoupled(started).pollAfter()).isEqualTo(Duration.ofSeconds(7));
        assertThat(poll("shortDecoupled", started, NOW.plusSeconds(1))).isInstanceOf(StepResult.Success.class);
    }

    @Test
    void unreadableTimingSettingFallsBackToTheDefault() {
        StepResult started = connector.start(aContext().scenario("shortDecoupled")
                .setting("decoupled-poll-seconds", "soon").build());

        assertThat(decoupled(started).pollAfter()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void shortDecoupledWhenResumedWithoutPendingValidationThenValidationStartsAgain() {
        StepResult result = connector.resume(aContext().scenario("shortDecoupled").build(), Map.of("resume", "true"));

        assertThat(result).isInstanceOf(StepResult.Decoupled.class);
    }

    private StepResult start(String scenario) {
        return connector.start(aContext().scenario(scenario).build());
    }

    private StepResult poll(String scenario, StepResult previous, Instant at) {
        return connector.resume(aContext().scenario(scenario).session(previous.session()).at(at).build(),
                Map.of("resume", "true"));
    }
}
