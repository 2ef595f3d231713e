package dev.passerelle.berlingroup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.connector.Account;
import dev.passerelle.connector.StepResult;
import dev.passerelle.testkit.Dialogue;
import dev.passerelle.xs2a.simulator.ConsentView;
import dev.passerelle.xs2a.simulator.RecordedRequest;
import dev.passerelle.xs2a.simulator.consent.ConsentStatus;
import dev.passerelle.xs2a.simulator.http.Endpoint;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class RedirectScaTest {

    @AutoClose
    SimulatedBank bank = SimulatedBank.start(Map.of());

    @Test
    void theUserAuthenticatesOnTheBanksPagesAndComesBackThroughTheServerMintedUrl() {
        Dialogue dialogue = bank.webauth(null);

        StepResult redirect = dialogue.start();

        assertThat(redirect).isInstanceOf(StepResult.Redirect.class);
        RecordedRequest consent = bank.simulator.lastRequest(Endpoint.CREATE_CONSENT).orElseThrow();
        assertThat(consent.header("tpp-redirect-uri")).contains(dialogue.interaction().orElseThrow().callbackUrl().toString());
        assertThat(consent.header("tpp-nok-redirect-uri")).contains(dialogue.interaction().orElseThrow().refusalUrl().toString());
        assertThat(consent.header("psu-ip-address")).contains("203.0.113.7");

        StepResult back = dialogue.followRedirect(bank.accepting("redirect"));

        assertThat(back).isInstanceOf(StepResult.Success.class);
        StepResult.Success success = (StepResult.Success) back;
        assertThat(success.consent().frequencyPerDay()).isEqualTo(4);
        List<Account> accounts = dialogue.accounts();
        assertThat(accounts).extracting(Account::name).isNotEmpty();
        assertThat(bank.simulator.consents()).extracting(ConsentView::status)
                .containsExactly(ConsentStatus.VALID);
    }

    @Test
    void aRefusalAtTheBankLeavesTheSourceWaitingForAWebAuthentication() {
        Dialogue dialogue = bank.webauth(null);
        dialogue.start();

        StepResult back = dialogue.followRedirect(bank.denying("redirect"));

        assertThat(back).isInstanceOf(StepResult.WebauthRequired.class);
    }
}
