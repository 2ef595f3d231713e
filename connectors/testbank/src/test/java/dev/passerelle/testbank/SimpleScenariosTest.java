package dev.passerelle.testbank;

import static dev.passerelle.testbank.ContextBuilder.aContext;
import static dev.passerelle.testbank.Outcomes.failure;
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
        assertThat(Session.decode(result.session())).get().extracting(Session::scenario).isEqualTo("par");
    }

    @Test
    void proWhenSyncedThenSuccess() {
        String session = connector.start(aContext().scenario("pro").build()).session();

        assertThat(connector.sync(aContext().scenario("pro").session(session).userAbsent().build()))
                .isInstanceOf(StepResult.Success.class);
    }

    @Test
    void wrongpassWhenStartedThenWrongPassIncorrectPassword() {
        StepResult.Failure failure = failure(connector.start(aContext().scenario("wrongpass").build()));

        assertThat(failure.reason()).isEqualTo(FailureReason.WRONG_PASS);
        assertThat(failure.userMessage()).isEqualTo("Incorrect password");
    }

    @Test
    void wrongpassWhenSyncedAgainThenStillWrongPass() {
        String session = connector.start(aContext().scenario("wrongpass").build()).session();

        assertThat(failure(connector.sync(aContext().scenario("wrongpass").session(session).build())).reason())
                .isEqualTo(FailureReason.WRONG_PASS);
    }

    @Test
    void wrongpassWhenScenarioChangedToParThenSuccess() {
        String session = connector.start(aContext().scenario("wrongpass").build()).session();

        assertThat(connector.start(aContext().scenario("par").session(session).posted("directaccesswebsite").build()))
                .isInstanceOf(StepResult.Success.class);
    }

    @Test
    void notSupportedWhenStartedThenNotSupported() {
        assertThat(failure(connector.start(aContext().scenario("notSupported").build())).reason())
                .isEqualTo(FailureReason.NOT_SUPPORTED);
    }

    @Test
    void notSupportedWhenSyncedThenStillNotSupported() {
        String session = connector.start(aContext().scenario("notSupported").build()).session();

        assertThat(failure(connector.sync(aContext().scenario("notSupported").session(session).build())).reason())
                .isEqualTo(FailureReason.NOT_SUPPORTED);
    }

    @Test
    void unlistedScenarioThenNotSupportedNamingTheList() {
        StepResult.Failure failure = failure(connector.start(aContext().scenario("ping2").build()));

        assertThat(failure.reason()).isEqualTo(FailureReason.NOT_SUPPORTED);
        assertThat(failure.userMessage()).startsWith("Value \"ping2\" is not in list: par, pro, wrongpass");
    }

    @Test
    void webauthRequiredOnDirectaccessThenNotSupported() {
        assertThat(failure(connector.start(aContext().scenario("webauthRequired").build())).reason())
                .isEqualTo(FailureReason.NOT_SUPPORTED);
    }
}
