package dev.passerelle.testbank;

import static dev.passerelle.testbank.ContextBuilder.aContext;
import static dev.passerelle.testbank.Outcomes.as;
import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.connector.StepResult;
import org.junit.jupiter.api.Test;

class WebauthScenarioTest {

    private final TestBankConnector connector = new TestBankConnector();

    @Test
    void webauthRequiredWhenStartedThenSuccess() {
        assertThat(connector.start(openapi().build())).isInstanceOf(StepResult.Success.class);
    }

    @Test
    void webauthRequiredWhenSyncedThenWebauthRequiredForConsentRenewal() {
        String session = connector.start(openapi().build()).session();

        StepResult.WebauthRequired required = as(StepResult.WebauthRequired.class,
                connector.sync(openapi().session(session).userAbsent().build()));

        assertThat(required.message()).isEqualTo("Consent renewal required");
    }

    @Test
    void webauthRequiredWhenSyncedByPresentUserThenStillWebauthRequired() {
        String session = connector.start(openapi().build()).session();

        assertThat(connector.sync(openapi().session(session).build())).isInstanceOf(StepResult.WebauthRequired.class);
    }

    private static ContextBuilder openapi() {
        return aContext().source("openapi").scenario("webauthRequired").withoutCredentials();
    }
}
