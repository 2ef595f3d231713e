package dev.passerelle.testbank;

import static dev.passerelle.testbank.ContextBuilder.aContext;
import static dev.passerelle.testbank.Outcomes.failure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.connector.FailureReason;
import dev.passerelle.connector.StepResult;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CredentialsTest {

    private final TestBankConnector connector = new TestBankConnector();

    @ParameterizedTest
    @EnumSource(value = Scenario.class, mode = EnumSource.Mode.EXCLUDE, names = "WEBAUTH_REQUIRED")
    void wrongPasswordWhenStartedThenWrongPassWhateverTheScenario(Scenario scenario) {
        StepResult.Failure failure = failure(connector.start(
                aContext().scenario(scenario.value()).password("0000").build()));

        assertThat(failure.reason()).isEqualTo(FailureReason.WRONG_PASS);
        assertThat(failure.userMessage()).isEqualTo("Incorrect password");
    }

    @Test
    void wrongPasswordWhenSyncedThenWrongPass() {
        String session = connector.start(aContext().scenario("par").build()).session();

        assertThat(failure(connector.sync(aContext().scenario("par").password("4321").session(session).build())).reason())
                .isEqualTo(FailureReason.WRONG_PASS);
    }

    @Test
    void missingPasswordOnDirectaccessThenWrongPass() {
        assertThat(failure(connector.start(aContext().withoutCredentials().build())).reason())
                .isEqualTo(FailureReason.WRONG_PASS);
    }

    @Test
    void openapiReachedByWebauthThenNoPasswordIsCheckedButTheBankIsVisited() {
        StepResult result = connector.start(aContext().source("openapi").scenario("par").withoutCredentials()
                .callback(URI.create("https://passerelle.example.test/2.0/webauth/callback")).build());

        assertThat(result).isInstanceOf(StepResult.Redirect.class);
    }

    @Test
    void openapiWithCredentialsThenPasswordIsChecked() {
        StepResult result = connector.start(aContext().source("openapi").scenario("par").password("0000").build());

        assertThat(failure(result).reason()).isEqualTo(FailureReason.WRONG_PASS);
    }

    @Test
    void openapiScenarioIsReadFromOpenapiwebsite() {
        StepResult result = connector.start(aContext().scenario("par").source("openapi").scenario("notSupported").build());

        assertThat(failure(result).reason()).isEqualTo(FailureReason.NOT_SUPPORTED);
    }
}
