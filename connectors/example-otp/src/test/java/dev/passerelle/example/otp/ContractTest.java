package dev.passerelle.example.otp;

import dev.passerelle.connector.StepResult;
import dev.passerelle.testkit.ContractChecks;
import dev.passerelle.testkit.Dialogue;
import dev.passerelle.testkit.TestClock;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** What the server relies on: stable ids across syncs and days, no secret in the session, activation respected. */
class ContractTest {

    private final TestClock clock = TestClock.at("2024-03-14T09:30:00Z");
    @AutoClose
    private final BanqueExemple bank = BanqueExemple.open(clock);

    @Test
    void theConnectorKeepsTheSpiContract() {
        ContractChecks.of(new ExampleBankConnector())
                .connection(() -> Customer.alice(bank, clock), this::signIn)
                .assertAll();
    }

    private StepResult signIn(Dialogue dialogue) {
        dialogue.start();
        return dialogue.answer(Map.of("code", bank.lastCode()));
    }
}
