package dev.passerelle.testbank;

import static dev.passerelle.testbank.Outcomes.failure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.connector.FailureReason;
import dev.passerelle.connector.StepResult;
import dev.passerelle.testkit.Dialogue;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CredentialsTest {

    @ParameterizedTest
    @EnumSource(value = Scenario.class, mode = EnumSource.Mode.EXCLUDE, names = "WEBAUTH_REQUIRED")
    void wrongPasswordWhenStartedThenWrongPassWhateverTheScenario(Scenario scenario) {
        StepResult.Failure failure = failure(Bank.credentials("directaccess", scenario.value())
                .field("password", "0000").build().start());

        assertThat(failure.reason()).isEqualTo(FailureReason.WRONG_PASS);
        assertThat(failure.userMessage()).isEqualTo("Incorrect password");
    }

    @Test
    void wrongPasswordWhenSyncedThenWrongPass() {
        Dialogue bank = Bank.directaccess("par");
        bank.start();
        Dialogue changed = Bank.credentials("directaccess", "par").field("password", "4321")
                .session(bank.session().orElseThrow()).build();

        assertThat(failure(changed.sync(true)).reason()).isEqualTo(FailureReason.WRONG_PASS);
    }

    @Test
    void missingPasswordOnDirectaccessThenWrongPass() {
        Dialogue bank = Dialogue.with(new TestBankConnector()).field("login", "alice").build();

        assertThat(failure(bank.start()).reason()).isEqualTo(FailureReason.WRONG_PASS);
    }

    @Test
    void openapiReachedByWebauthThenNoPasswordIsCheckedButTheBankIsVisited() {
        assertThat(Bank.webauth("par").build().start()).isInstanceOf(StepResult.Redirect.class);
    }

    @Test
    void openapiWithCredentialsThenPasswordIsChecked() {
        StepResult result = Bank.credentials("openapi", "par").field("password", "0000").build().start();

        assertThat(failure(result).reason()).isEqualTo(FailureReason.WRONG_PASS);
    }

    @Test
    void openapiScenarioIsReadFromOpenapiwebsite() {
        Dialogue bank = Bank.credentials("openapi", "notSupported").field("directaccesswebsite", "par").build();

        assertThat(failure(bank.start()).reason()).isEqualTo(FailureReason.NOT_SUPPORTED);
    }

    @Test
    void aNewPasswordPostedIsCheckedAgain() {
        Dialogue bank = Bank.directaccess("par");
        bank.start();

        assertThat(failure(bank.post(Map.of("password", "9999"))).reason()).isEqualTo(FailureReason.WRONG_PASS);
    }
}
