package dev.passerelle.testbank;

import static dev.passerelle.testbank.Bank.NOW;
import static dev.passerelle.testbank.Bank.directaccess;
import static dev.passerelle.testbank.Outcomes.challenge;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.passerelle.connector.FieldSpec;
import dev.passerelle.connector.StepResult;
import dev.passerelle.testkit.Dialogue;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OtpScenariosTest {

    @Test
    void additionalInformationNeededWhenStartedThenChallengeDitesAbcd() {
        StepResult.Challenge challenge = challenge(directaccess("additionalInformationNeeded").start());

        assertThat(challenge.fields()).extracting(FieldSpec::name, FieldSpec::label)
                .containsExactly(tuple("openapisms", "Dites abcd"));
        assertThat(challenge.message()).isEqualTo("openapisms: Dites abcd");
        assertThat(challenge.expiresAt()).isEqualTo(NOW.plusSeconds(300));
    }

    @Test
    void additionalInformationNeededWhenAnsweredAbcdThenSuccess() {
        Dialogue bank = started("additionalInformationNeeded");

        assertThat(answer(bank, "abcd", 30)).isInstanceOf(StepResult.Success.class);
    }

    @Test
    void additionalInformationNeededWhenAnsweredWrongThenChallengedAgainSayingTheCodeIsWrong() {
        StepResult.Challenge again = challenge(answer(started("additionalInformationNeeded"), "abce", 30));

        assertThat(again.message()).contains("wrong").endsWith("Dites abcd");
        assertThat(again.expiresAt()).isEqualTo(NOW.plusSeconds(300));
    }

    @Test
    void additionalInformationNeededWhenAnsweredWrongThenRightThenSuccess() {
        Dialogue bank = started("additionalInformationNeeded");
        answer(bank, "zzzz", 10);

        assertThat(answer(bank, "abcd", 10)).isInstanceOf(StepResult.Success.class);
    }

    @Test
    void additionalInformationNeededWhenAnsweredAfterExpiryThenFreshChallengeSayingANewCodeWasSent() {
        StepResult.Challenge fresh = challenge(answer(started("additionalInformationNeeded"), "abcd", 301));

        assertThat(fresh.message()).contains("expired").contains("new one");
        assertThat(fresh.expiresAt()).isEqualTo(NOW.plusSeconds(301 + 300));
    }

    @Test
    void additionalInformationNeededWhenAnsweredAtExpiryThenStillAccepted() {
        assertThat(answer(started("additionalInformationNeeded"), "abcd", 300)).isInstanceOf(StepResult.Success.class);
    }

    @Test
    void otpExpiryFollowsTheSetting() {
        Dialogue bank = Bank.credentials("directaccess", "additionalInformationNeeded")
                .setting("otp-expiry-seconds", "20").build();

        assertThat(challenge(bank.start()).expiresAt()).isEqualTo(NOW.plusSeconds(20));
    }

    @Test
    void doubleotpWhenAnsweredAbcdThenSecondChallengeDitesEfgh() {
        StepResult.Challenge second = challenge(answer(started("doubleotp"), "abcd", 5));

        assertThat(second.fields()).extracting(FieldSpec::name).containsExactly("openapisms");
        assertThat(second.fields()).extracting(FieldSpec::label).containsExactly("Dites efgh");
        assertThat(second.message()).isEqualTo("openapisms: Dites efgh");
    }

    @Test
    void doubleotpWhenAnsweredAbcdThenEfghThenSuccess() {
        Dialogue bank = started("doubleotp");
        answer(bank, "abcd", 5);

        assertThat(answer(bank, "efgh", 5)).isInstanceOf(StepResult.Success.class);
    }

    @Test
    void doubleotpWhenSecondRoundAnsweredAbcdThenChallengedAgainForEfgh() {
        Dialogue bank = started("doubleotp");
        answer(bank, "abcd", 5);

        assertThat(challenge(answer(bank, "abcd", 5)).message()).endsWith("Dites efgh");
    }

    @Test
    void additionalInformationNeededWhenSyncedInBackgroundAfterSuccessThenSuccess() {
        Dialogue bank = started("additionalInformationNeeded");
        answer(bank, "abcd", 0);
        bank.clock().advance(Duration.ofDays(1));

        assertThat(bank.sync(false)).isInstanceOf(StepResult.Success.class);
    }

    @Test
    void additionalInformationNeededWhenSyncedInBackgroundWithoutAuthenticationThenScaRequired() {
        assertThat(directaccess("additionalInformationNeeded").sync(false)).isInstanceOf(StepResult.ScaRequired.class);
    }

    @Test
    void additionalInformationNeededWhenSyncedByUserWithoutAuthenticationThenChallenge() {
        assertThat(directaccess("additionalInformationNeeded").sync(true)).isInstanceOf(StepResult.Challenge.class);
    }

    private static Dialogue started(String scenario) {
        Dialogue bank = directaccess(scenario);
        bank.start();
        return bank;
    }

    /** The user types {@code code}, {@code secondsLater} after the previous step. */
    private static StepResult answer(Dialogue bank, String code, int secondsLater) {
        bank.clock().advance(Duration.ofSeconds(secondsLater));
        return bank.answer(Map.of("openapisms", code));
    }
}
