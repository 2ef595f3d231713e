package dev.passerelle.testbank;

import static dev.passerelle.testbank.ContextBuilder.aContext;
import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.connector.FailureReason;
import dev.passerelle.connector.StepResult;
import org.junit.jupiter.api.Test;

class SimpleScenariosTest {

    private final TestBankConnector connector = new TestBankConnector();

    @Test
    void parWhenStartedThenSuccess() {
        assertThat(connector.start(aContext().scenario("par").build())).isInstanceOf(StepResult.Success.class);
    }

    @Test
    void noScenarioChosenThenBehavesAsPar() {
        StepResult result = connector.start(aContext().build());

        assertThat(result).isInstanceOf(StepResult.Success.class);
        assertThat(result.session()).contains("scenario=par");
    }

    @Test
    void proWhenSyncedThenSuccess() {
        String session = connector.start(aContext().scenario("pro").build()).session();

        assertThat(connector.sync(aContext().scenario("pro").session(session).userAbsent().build()))
                .isInstanceOf(StepResult.Success.class);
    }

    @Test
    void wrongpassWhenStartedThenWrongPass() {
        assertThat(connector.start(aContext().scenario("wrongpass").build()))
                .isEqualTo(failure(FailureReason.WRONG_PASS, "Incorrect password"));
    }

    @Test
    void wrongpassWhenSyncedAgainThenStillWrongPass() {
        String session = connector.start(aContext().scenario("wrongpass").build()).session();

        assertThat(connector.sync(aContext().scenario("wrongpass").session(session).build()))
                .isInstanceOf(StepResult.Failure.class)
                .extracting(r -> ((StepResult.Failure) r).reason()).isEqualTo(FailureReason.WRONG_PASS);
    }

    @Test
    void notSupportedWhenStartedThenNotSupported() {
        assertThat(connector.start(aContext().scenario("notSupported").build()))
                .extracting(r -> ((StepResult.Failure) r).reason()).isEqualTo(FailureReason.NOT_SUPPORTED);
    }

    @Test
    void unlistedScenarioThenNotSupportedNamingTheList() {
        StepResult result = connector.start(aContext().scenario("ping2").build());

        assertThat(result).isInstanceOf(StepResult.Failure.class);
        assertThat(((StepResult.Failure) result).userMessage()).startsWith("Value \"ping2\" is not in list: par, pro");
    }

    @Test
    void webauthRequiredOnDirectaccessThenNotSupported() {
        assertThat(connector.start(aContext().scenario("webauthRequired").build()))
                .extracting(r -> ((StepResult.Failure) r).reason()).isEqualTo(FailureReason.NOT_SUPPORTED);
    }

    private static StepResult.Failure failure(FailureReason reason, String message) {
        return new StepResult.Failure(reason, message, null, "scenario=wrongpass;stage=REPORTED");
    }
}
