package dev.passerelle.berlingroup;

import dev.passerelle.connector.StepResult;
import dev.passerelle.testkit.ContractChecks;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The test kit's contract checks, on each source and consent model, against the simulated bank. */
class ContractTest {

    @Test
    void theRedirectSourceUnderAGlobalConsentKeepsTheContract() {
        try (SimulatedBank bank = SimulatedBank.start(Map.of())) {
            ContractChecks.of(bank.connector())
                    .connection(() -> bank.webauth(null), dialogue -> {
                        dialogue.start();
                        return dialogue.followRedirect(bank.accepting("no-ids"));
                    })
                    .assertAll();
        }
    }

    @Test
    void theEmbeddedSourceKeepsTheContract() {
        try (SimulatedBank bank = SimulatedBank.start(Map.of())) {
            ContractChecks.of(bank.connector())
                    .connection(() -> bank.embedded("embedded", "secret"),
                            dialogue -> {
                                dialogue.start();
                                return dialogue.answer(Map.of("tan", "123456"));
                            })
                    .assertAll();
        }
    }

    @Test
    void theDetailedModelKeepsTheContractOnceTheUserConsentedToTheAccounts() {
        try (SimulatedBank bank = SimulatedBank.start(Map.of("consent-model", "detailed"))) {
            ContractChecks.of(bank.connector())
                    .connection(() -> bank.webauth(null), dialogue -> {
                        dialogue.start();
                        dialogue.followRedirect(bank.accepting("redirect"));
                        dialogue.activate(dialogue.accounts());
                        StepResult asked = dialogue.accountsActivated();
                        return asked instanceof StepResult.Redirect ? dialogue.followRedirect(bank.accepting("redirect"))
                                : asked;
                    })
                    .assertAll();
        }
    }
}
