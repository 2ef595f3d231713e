package dev.passerelle.example.otp;

import dev.passerelle.testkit.Dialogue;
import dev.passerelle.testkit.TestClock;
import java.util.Map;

/** Alice, Banque Exemple's customer, adding her bank to Passerelle: the tests' one fixture. */
final class Customer {

    private Customer() {
    }

    /** Alice's dialogue with the connector, her password as given, the bank's clock the kit's. */
    static Dialogue.Builder alice(BanqueExemple bank, TestClock clock, String password) {
        return Dialogue.with(new ExampleBankConnector())
                .setting(ExampleBankConnector.API_URL, bank.apiUrl())
                .clock(clock)
                .field("login", BanqueExemple.LOGIN)
                .field("password", password);
    }

    static Dialogue alice(BanqueExemple bank, TestClock clock) {
        return alice(bank, clock, BanqueExemple.PASSWORD).build();
    }

    /** Alice signs in: her password, then the code she received by SMS. */
    static Dialogue signedIn(BanqueExemple bank, TestClock clock) {
        Dialogue dialogue = alice(bank, clock);
        dialogue.start();
        dialogue.answer(Map.of("code", bank.lastCode()));
        return dialogue;
    }
}
