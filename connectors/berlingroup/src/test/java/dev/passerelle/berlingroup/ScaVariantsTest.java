package dev.passerelle.berlingroup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.berlingroup.directory.BankDescriptor;
import dev.passerelle.connector.FieldSpec;
import dev.passerelle.connector.StepResult;
import dev.passerelle.testkit.Dialogue;
import dev.passerelle.xs2a.simulator.RecordedRequest;
import dev.passerelle.xs2a.simulator.http.Endpoint;
import dev.passerelle.xs2a.simulator.sca.ScaApproach;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the bank decides, the connector follows: its links, not the connector's own preference. */
class ScaVariantsTest {

    @Test
    void anExplicitStartOfTheAuthorisationIsFollowedToTheBanksPage() {
        try (SimulatedBank bank = SimulatedBank.start(Map.of("explicit-authorisation", "true"))) {
            Dialogue dialogue = bank.webauth(null);

            assertThat(dialogue.start()).isInstanceOf(StepResult.Redirect.class);

            assertThat(bank.simulator.lastRequest(Endpoint.CREATE_CONSENT).orElseThrow()
                    .header("tpp-explicit-authorisation-preferred")).contains("true");
            assertThat(bank.simulator.hits(Endpoint.START_AUTHORISATION)).isEqualTo(1);
            assertThat(dialogue.followRedirect(bank.accepting("redirect"))).isInstanceOf(StepResult.Success.class);
        }
    }

    @Test
    void aBankThatWantsThePsuIdOnRedirectsGetsTheOneTheUserGave() {
        try (SimulatedBank bank = SimulatedBank.start(options -> options.psuIdRequired(true),
                Map.of("psu-id-on-redirect", "true"))) {
            Dialogue dialogue = bank.webauth("redirect");
            dialogue.start();

            assertThat(bank.simulator.lastRequest(Endpoint.CREATE_CONSENT).orElseThrow().header("psu-id"))
                    .contains("redirect");
            assertThat(dialogue.followRedirect(bank.accepting("redirect"))).isInstanceOf(StepResult.Success.class);
        }
    }

    @Test
    void whenTheBankChoosesTheEmbeddedApproachOnTheRedirectSourceThePasswordIsAskedAsAChallenge() {
        try (SimulatedBank bank = SimulatedBank.start(Map.of())) {
            Dialogue dialogue = bank.webauth("embedded");

            StepResult password = dialogue.start();

            assertThat(password).isInstanceOfSatisfying(StepResult.Challenge.class, challenge ->
                    assertThat(challenge.fields()).extracting(FieldSpec::name).containsExactly(BankDescriptor.PASSWORD));
            assertThat(dialogue.answer(Map.of(BankDescriptor.PASSWORD, "secret")))
                    .isInstanceOf(StepResult.Challenge.class);
            assertThat(dialogue.answer(Map.of("tan", "123456"))).isInstanceOf(StepResult.Success.class);
            assertThat(dialogue.session().orElseThrow()).doesNotContain("secret");
        }
    }

    @Test
    void aDecoupledBankThatIsNotToldWhoTheUserIsAsksAndTheConnectorAsksTheUser() {
        try (SimulatedBank bank = SimulatedBank.start(
                options -> options.supportedApproaches(EnumSet.of(ScaApproach.DECOUPLED, ScaApproach.REDIRECT)),
                Map.of("sca-approaches", "decoupled"))) {
            Dialogue dialogue = bank.webauth(null);

            StepResult who = dialogue.start();

            assertThat(who).isInstanceOfSatisfying(StepResult.Challenge.class, challenge ->
                    assertThat(challenge.fields()).extracting(FieldSpec::name)
                            .containsExactly(BankDescriptor.OPEN_API_LOGIN));
            assertThat(dialogue.answer(Map.of(BankDescriptor.OPEN_API_LOGIN, "decoupled")))
                    .isInstanceOf(StepResult.Decoupled.class);
            RecordedRequest identified = bank.simulator.requests().stream()
                    .filter(r -> r.header("psu-id").filter("decoupled"::equals).isPresent()).findFirst().orElseThrow();
            assertThat(identified.endpoint()).isIn(Endpoint.START_AUTHORISATION, Endpoint.UPDATE_PSU_DATA);
            assertThat(dialogue.awaitDecoupled(Duration.ofMinutes(1))).isInstanceOf(StepResult.Success.class);
        }
    }
}
