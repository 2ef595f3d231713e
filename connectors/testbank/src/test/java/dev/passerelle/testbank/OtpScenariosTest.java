package dev.passerelle.testbank;

import static dev.passerelle.testbank.ContextBuilder.NOW;
import static dev.passerelle.testbank.ContextBuilder.aContext;
import static dev.passerelle.testbank.Outcomes.challenge;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.passerelle.connector.FieldSpec;
import dev.passerelle.connector.StepResult;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OtpScenariosTest {

    private final TestBankConnector connector = new TestBankConnector();

    @Test
    void additionalInformationNeededWhenStartedThenChallengeDitesAbcd() {
        StepResult.Challenge challenge = challenge(start("additionalInformationNeeded"));

        assertThat(challenge.fields()).extracting(FieldSpec::name, FieldSpec::label)
                .containsExactly(tuple("openapisms", "Dites abcd"));
        assertThat(challenge.message()).isEqualTo("openapisms: Dites abcd");
        assertThat(challenge.expiresAt()).isEqualTo(NOW.plusSeconds(300));
    }

    @Test
    void additionalInformationNeededWhenAnsweredAbcdThenSuccess() {
        StepResult started = start("additionalInformationNeeded");

        assertThat(answer("additionalInformationNeeded", started, "abcd", NOW.plusSeconds(30)))
                .isInstanceOf(StepResult.Success.class);
    }

    @Test
    void additionalInformationNeededWhenAnsweredWrongThenChallengedAgainSayingTheCodeIsWrong() {
        StepResult started = start("additionalInformationNeeded");

        StepResult.Challenge again = challenge(answer("additionalInformationNeeded", started, "abce", NOW.plusSeconds(30)));

        assertThat(again.message()).contains("wrong").endsWith("Dites abcd");
        assertThat(again.expiresAt()).isEqualTo(NOW.plusSeconds(300));
    }

    @Test
    void additionalInformationNeededWhenAnsweredWrongThenRightThenSuccess() {
        StepResult wrong = answer("additionalInformationNeeded", start("additionalInformationNeeded"), "zzzz",
                NOW.plusSeconds(10));

        assertThat(answer("additionalInformationNeeded", wrong, "abcd", NOW.plusSeconds(20)))
                .isInstanceOf(StepResult.Success.class);
    }

    @Test
    void additionalInformationNeededWhenAnsweredAfterExpiryThenFreshChallengeSayingANewCodeWasSent() {
        Instant late = NOW.plusSeconds(301);

        StepResult.Challenge fresh = challenge(answer("additionalInformationNeeded", start("additionalInformationNeeded"),
                "abcd", late));

        assertThat(fresh.message()).contains("expired").contains("new one");
        assertThat(fresh.expiresAt()).isEqualTo(late.plusSeconds(300));
    }

    @Test
    void additionalInformationNeededWhenAnsweredAtExpiryThenStillAccepted() {
        assertThat(answer("additionalInformationNeeded", start("additionalInformationNeeded"), "abcd",
                NOW.plusSeconds(300))).isInstanceOf(StepResult.Success.class);
    }

    @Test
    void otpExpiryFollowsTheSetting() {
        StepResult.Challenge challenge = challenge(connector.start(aContext().scenario("additionalInformationNeeded")
                .setting("otp-expiry-seconds", "20").build()));

        assertThat(challenge.expiresAt()).isEqualTo(NOW.plusSeconds(20));
    }

    @Test
    void doubleotpWhenAnsweredAbcdThenSecondChallengeDitesEfgh() {
        StepResult.Challenge second = challenge(answer("doubleotp", start("doubleotp"), "abcd", NOW.plusSeconds(5)));

        assertThat(second.fields()).extracting(FieldSpec::name).containsExactly("openapisms");
        assertThat(second.fields()).extracting(FieldSpec::label).containsExactly("Dites efgh");
        assertThat(second.message()).isEqualTo("openapisms: Dites efgh");
    }

    @Test
    void doubleotpWhenAnsweredAbcdThenEfghThenSuccess() {
        StepResult second = answer("doubleotp", start("doubleotp"), "abcd", NOW.plusSeconds(5));

        assertThat(answer("doubleotp", second, "efgh", NOW.plusSeconds(10))).isInstanceOf(StepResult.Success.class);
    }

    @Test
    void doubleotpWhenSecondRoundAnsweredAbcdThenChallengedAgainForEfgh() {
        StepResult second = answer("doubleotp", start("doubleotp"), "abcd", NOW.plusSeconds(5));

        assertThat(challenge(answer("doubleotp", second, "abcd", NOW.plusSeconds(10))).message())
                .endsWith("Dites efgh");
    }

    @Test
    void additionalInformationNeededWhenSyncedInBackgroundAfterSuccessThenSuccess() {
        StepResult done = answer("additionalInformationNeeded", start("additionalInformationNeeded"), "abcd", NOW);

        assertThat(connector.sync(aContext().scenario("additionalInformationNeeded").session(done.session())
                .userAbsent().at(NOW.plusSeconds(86_400)).build())).isInstanceOf(StepResult.Success.class);
    }

    @Test
    void additionalInformationNeededWhenSyncedInBackgroundWithoutAuthenticationThenScaRequired() {
        assertThat(connector.sync(aContext().scenario("additionalInformationNeeded").userAbsent().build()))
                .isInstanceOf(StepResult.ScaRequired.class);
    }

    @Test
    void additionalInformationNeededWhenSyncedByUserWithoutAuthenticationThenChallenge() {
        assertThat(connector.sync(aContext().scenario("additionalInformationNeeded").build()))
                .isInstanceOf(StepResult.Challenge.class);
    }

    private StepResult start(String scenario) {
        return connector.start(aContext().scenario(scenario).build());
    }

    private StepResult answer(String scenario, StepResult previous, String code, Instant at) {
        return connector.resume(aContext().scenario(scenario).session(previous.session()).at(at).build(),
                Map.of("openapisms", code));
    }
}
