package dev.passerelle.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.passerelle.connector.Account;
import dev.passerelle.connector.FailureReason;
import dev.passerelle.connector.StepResult;
import dev.passerelle.runtime.ConnectorCalls;
import dev.passerelle.runtime.LogLine;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DialogueTest {

    @Test
    void aConnectorThatThrowsLeavesABugOutcomeALineAndTheSessionItWrote() {
        Dialogue bank = dialogue(ToyBank.Flaw.THROWS_ON_START);

        StepResult outcome = bank.start();

        assertThat(outcome).isEqualTo(StepResult.Failure.of(FailureReason.BUG, ConnectorCalls.FAULT_MESSAGE));
        assertThat(bank.lastFault()).get().extracting(Throwable::getMessage).isEqualTo("the bank changed its login page");
        assertThat(bank.log()).singleElement().extracting(LogLine::message).asString()
                .startsWith("The connector failed: java.lang.IllegalStateException: the bank changed its login page");
        assertThat(bank.session()).contains("step=login");
    }

    @Test
    void aDataCallCanAskForAStrongAuthenticationAndSaveItsSession() {
        Dialogue bank = dialogue(ToyBank.Flaw.SCA_ON_TRANSACTIONS);
        bank.start();
        Account account = bank.accounts().getFirst();
        bank.activate(account);

        assertThatThrownBy(() -> bank.transactions(account, LocalDate.of(2024, 1, 1)))
                .isInstanceOfSatisfying(DataCallStopped.class, stopped -> assertThat(stopped.outcome())
                        .isEqualTo(new StepResult.ScaRequired("Confirm it is you in the bank app")));
        assertThat(bank.session()).contains("token=rotated");
    }

    @Test
    void dataAreAskedOnlyOfActivatedAccountsAndDeclaredCapabilities() {
        Dialogue bank = dialogue(ToyBank.Flaw.NONE);
        bank.start();
        Account account = bank.accounts().getFirst();

        assertThatThrownBy(() -> bank.transactions(account, LocalDate.of(2024, 1, 1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("activate(account)");
        assertThatThrownBy(() -> bank.activate(account).investments(account))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not declare WEALTH");
    }

    @Test
    void aSessionThatCarriesThePasswordFailsAtOnce() {
        assertThatThrownBy(() -> dialogue(ToyBank.Flaw.PASSWORD_IN_SESSION).start())
                .isInstanceOf(AssertionError.class).hasMessageContaining("password or a secret setting in clear");
    }

    static Dialogue dialogue(ToyBank.Flaw flaw) {
        return Dialogue.with(new ToyBank(flaw)).field("login", "alice").field("password", "s3cret-pass").build();
    }
}
