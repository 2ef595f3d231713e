package dev.passerelle.example.otp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.passerelle.connector.StepResult;
import dev.passerelle.testkit.DataCallStopped;
import dev.passerelle.testkit.Dialogue;
import dev.passerelle.testkit.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Later syncs reuse the institution's token: no SMS until it ends, and then only with the user. */
class SessionTest {

    private final TestClock clock = TestClock.at("2024-03-14T09:30:00Z");
    @AutoClose
    private final BanqueExemple bank = BanqueExemple.open(clock);

    @Test
    void aBackgroundSyncReusesTheTokenAndSendsNoSms() {
        Dialogue alice = Customer.signedIn(bank, clock);
        clock.advance(Duration.ofDays(1));

        assertThat(alice.sync(false)).isInstanceOf(StepResult.Success.class);
        assertThat(alice.accounts()).hasSize(2);
        assertThat(bank.smsSentTo()).hasSize(1);
    }

    @Test
    void theSessionIsAllAnotherServerInstanceNeeds() {
        String stored = Customer.signedIn(bank, clock).session().orElseThrow();

        Dialogue elsewhere = Customer.alice(bank, clock, BanqueExemple.PASSWORD).session(stored).build();

        assertThat(elsewhere.sync(false)).isInstanceOf(StepResult.Success.class);
        assertThat(elsewhere.accounts()).hasSize(2);
        assertThat(stored).doesNotContain(BanqueExemple.PASSWORD);
    }

    @Test
    void onceTheTokenEndedABackgroundSyncAsksForTheUserAndAUserPresentSyncSendsACode() {
        Dialogue alice = Customer.signedIn(bank, clock);
        clock.advance(BanqueExemple.TOKEN_LIFETIME);

        assertThat(alice.sync(false)).isInstanceOf(StepResult.ScaRequired.class);
        assertThat(bank.smsSentTo()).hasSize(1);
        assertThat(alice.sync(true)).isInstanceOf(StepResult.Challenge.class);
        assertThat(bank.smsSentTo()).hasSize(2);
    }

    @Test
    void aTokenTheInstitutionRevokedStopsTheDataCallAskingForTheUser() {
        Dialogue alice = Customer.signedIn(bank, clock);
        bank.revokeTokens();

        assertThatThrownBy(alice::accounts).isInstanceOfSatisfying(DataCallStopped.class, stopped ->
                assertThat(stopped.outcome()).isEqualTo(new StepResult.ScaRequired("Votre session a expiré")));
    }
}
