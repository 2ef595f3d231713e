package dev.passerelle.testbank;

import static dev.passerelle.testbank.Bank.directaccess;
import static dev.passerelle.testbank.Outcomes.failure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.connector.FailureReason;
import dev.passerelle.connector.StepResult;
import dev.passerelle.testkit.Dialogue;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimpleScenariosTest {

    @Test
    void parWhenStartedThenSuccess() {
        assertThat(directaccess("par").start()).isInstanceOf(StepResult.Success.class);
    }

    @Test
    void noScenarioChosenThenBehavesAsPar() {
        Dialogue bank = Bank.credentials("directaccess", null).build();

        assertThat(bank.start()).isInstanceOf(StepResult.Success.class);
        assertThat(Session.decode(bank.session().orElseThrow())).get().extracting(Session::scenario).isEqualTo("par");
    }

    @Test
    void proWhenSyncedThenSuccess() {
        Dialogue bank = directaccess("pro");
        bank.start();

        assertThat(bank.sync(false)).isInstanceOf(StepResult.Success.class);
    }

    @Test
    void wrongpassWhenStartedThenWrongPassIncorrectPassword() {
        StepResult.Failure failure = failure(directaccess("wrongpass").start());

        assertThat(failure.reason()).isEqualTo(FailureReason.WRONG_PASS);
        assertThat(failure.userMessage()).isEqualTo("Incorrect password");
    }

    @Test
    void wrongpassWhenSyncedAgainThenStillWrongPass() {
        Dialogue bank = directaccess("wrongpass");
        bank.start();

        assertThat(failure(bank.sync(true)).reason()).isEqualTo(FailureReason.WRONG_PASS);
    }

    @Test
    void wrongpassWhenScenarioChangedToParThenSuccess() {
        Dialogue bank = directaccess("wrongpass");
        bank.start();

        assertThat(bank.post(Map.of("directaccesswebsite", "par"))).isInstanceOf(StepResult.Success.class);
    }

    @Test
    void notSupportedWhenStartedThenNotSupported() {
        assertThat(failure(directaccess("notSupported").start()).reason()).isEqualTo(FailureReason.NOT_SUPPORTED);
    }

    @Test
    void notSupportedWhenSyncedThenStillNotSupported() {
        Dialogue bank = directaccess("notSupported");
        bank.start();

        assertThat(failure(bank.sync(true)).reason()).isEqualTo(FailureReason.NOT_SUPPORTED);
    }

    @Test
    void unlistedScenarioThenNotSupportedNamingTheList() {
        StepResult.Failure failure = failure(directaccess("ping2").start());

        assertThat(failure.reason()).isEqualTo(FailureReason.NOT_SUPPORTED);
        assertThat(failure.userMessage()).startsWith("Value \"ping2\" is not in list: par, pro, wrongpass");
    }

    @Test
    void webauthRequiredOnDirectaccessThenNotSupported() {
        assertThat(failure(directaccess("webauthRequired").start()).reason()).isEqualTo(FailureReason.NOT_SUPPORTED);
    }
}
