package dev.passerelle.berlingroup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.connector.FailureReason;
import dev.passerelle.connector.StepResult;
import dev.passerelle.testkit.Dialogue;
import dev.passerelle.xs2a.simulator.consent.ConsentStatus;
import dev.passerelle.xs2a.simulator.http.Endpoint;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class DecoupledScaTest {

    @AutoClose
    SimulatedBank bank = SimulatedBank.start(Map.of());

    @Test
    void theUserApprovesInTheBankAppWhileTheStatusIsPolled() {
        Dialogue dialogue = bank.webauth("decoupled");

        StepResult waiting = dialogue.start();

        assertThat(waiting).isInstanceOfSatisfying(StepResult.Decoupled.class, decoupled -> {
            assertThat(decoupled.message()).contains("banking app");
            assertThat(decoupled.expiresAt()).isEqualTo(bank.clock.instant().plus(Duration.ofMinutes(5)));
        });
        assertThat(bank.simulator.lastRequest(Endpoint.CREATE_CONSENT).orElseThrow().header("psu-id"))
                .contains("decoupled");

        StepResult done = dialogue.awaitDecoupled(Duration.ofMinutes(1));

        assertThat(done).isInstanceOf(StepResult.Success.class);
        assertThat(bank.simulator.hits(Endpoint.SCA_STATUS)).isGreaterThan(1);
        assertThat(dialogue.accounts()).isNotEmpty();
    }

    @Test
    void aRefusalInTheAppIsACancelledValidation() {
        Dialogue dialogue = bank.webauth("decoupled-rejected");
        dialogue.start();

        StepResult refused = dialogue.awaitDecoupled(Duration.ofMinutes(1));

        assertThat(refused).isInstanceOfSatisfying(StepResult.Failure.class, failure ->
                assertThat(failure.reason()).isEqualTo(FailureReason.DECOUPLED_CANCELLED));
    }

    @Test
    void anApprovalThatNeverComesExpires() {
        Dialogue dialogue = bank.webauth("decoupled-timeout");
        dialogue.start();

        StepResult expired = dialogue.awaitDecoupled(Duration.ofMinutes(10));

        assertThat(expired).isInstanceOfSatisfying(StepResult.Failure.class, failure ->
                assertThat(failure.reason()).isEqualTo(FailureReason.DECOUPLED_EXPIRED));
        assertThat(bank.simulator.consents()).singleElement().satisfies(consent ->
                assertThat(consent.status()).isEqualTo(ConsentStatus.TERMINATED_BY_TPP));
    }
}
