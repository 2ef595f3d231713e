package dev.passerelle.berlingroup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.connector.FailureReason;
import dev.passerelle.connector.FieldSpec;
import dev.passerelle.connector.ScaMethod;
import dev.passerelle.connector.StepResult;
import dev.passerelle.testkit.Dialogue;
import dev.passerelle.xs2a.simulator.RecordedRequest;
import dev.passerelle.xs2a.simulator.consent.ConsentStatus;
import dev.passerelle.xs2a.simulator.http.Endpoint;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class EmbeddedScaTest {

    @AutoClose
    SimulatedBank bank = SimulatedBank.start(Map.of());

    @Test
    void theUserTypesTheBanksPasswordHereAndAnswersTheOneTimeCode() {
        Dialogue dialogue = bank.embedded("embedded", "secret");

        StepResult challenge = dialogue.start();

        assertThat(challenge).isInstanceOf(StepResult.Challenge.class);
        assertThat(((StepResult.Challenge) challenge).fields()).extracting(FieldSpec::name).containsExactly("tan");
        RecordedRequest consent = bank.simulator.lastRequest(Endpoint.CREATE_CONSENT).orElseThrow();
        assertThat(consent.header("psu-id")).contains("embedded");
        assertThat(consent.header("tpp-redirect-preferred")).contains("false");
        assertThat(bank.simulator.requests(Endpoint.START_AUTHORISATION)).extracting(RecordedRequest::body)
                .allMatch(body -> body.contains("\"password\":\"secret\""));

        assertThat(dialogue.answer(Map.of("tan", "123456"))).isInstanceOf(StepResult.Success.class);
        assertThat(dialogue.accounts()).isNotEmpty();
        assertThat(dialogue.session().orElseThrow()).doesNotContain("secret");
    }

    @Test
    void theUserChoosesAmongTheBanksMethodsAndIsAskedAgainAfterAWrongCode() {
        Dialogue dialogue = bank.embedded("embedded-choice", "secret");

        StepResult.Challenge choice = (StepResult.Challenge) dialogue.start();

        assertThat(choice.scaMethods()).extracting(ScaMethod::id).containsExactly("sms", "photo");
        StepResult.Challenge photo = (StepResult.Challenge) dialogue.answer(Map.of("scamethod", "photo"));
        assertThat(photo.fields()).extracting(FieldSpec::name).containsExactly("tan");
        assertThat(photo.image()).isNotNull();
        assertThat(photo.image().mediaType()).isEqualTo("image/png");
        assertThat(photo.fields().getFirst().regex()).isEqualTo("[0-9]{1,6}");

        StepResult wrong = dialogue.answer(Map.of("tan", "000000"));

        assertThat(wrong).isInstanceOf(StepResult.Challenge.class);
        assertThat(((StepResult.Challenge) wrong).message()).contains("2 attempts left");
        assertThat(((StepResult.Challenge) wrong).image()).isEqualTo(photo.image());
        assertThat(dialogue.answer(Map.of("tan", "654321"))).isInstanceOf(StepResult.Success.class);
    }

    @Test
    void theLastWrongCodeEndsInWrongpass() {
        Dialogue dialogue = bank.embedded("embedded", "secret");
        dialogue.start();
        dialogue.answer(Map.of("tan", "000001"));
        dialogue.answer(Map.of("tan", "000002"));

        StepResult last = dialogue.answer(Map.of("tan", "000003"));

        assertThat(last).isInstanceOfSatisfying(StepResult.Failure.class, failure -> {
            assertThat(failure.reason()).isEqualTo(FailureReason.WRONG_PASS);
            assertThat(failure.userMessage()).contains("No attempts left");
        });
    }

    @Test
    void aUserWhoGivesUpWithdrawsTheConsentAtTheBank() {
        Dialogue dialogue = bank.embedded("embedded", "secret");
        StepResult.Challenge challenge = (StepResult.Challenge) dialogue.start();
        assertThat(challenge.cancellable()).isTrue();

        assertThat(dialogue.cancel()).isInstanceOf(StepResult.ScaRequired.class);

        assertThat(bank.simulator.consents()).singleElement().satisfies(consent ->
                assertThat(consent.status()).isEqualTo(ConsentStatus.TERMINATED_BY_TPP));
        assertThat(dialogue.session().orElseThrow()).doesNotContain("pending\":{");
    }

    @Test
    void aWrongPasswordIsWrongpassWithTheBanksWords() {
        StepResult refused = bank.embedded("embedded", "wrong").start();

        assertThat(refused).isInstanceOfSatisfying(StepResult.Failure.class, failure -> {
            assertThat(failure.reason()).isEqualTo(FailureReason.WRONG_PASS);
            assertThat(failure.userMessage()).contains("password not correct");
        });
    }
}
