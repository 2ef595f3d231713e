package dev.passerelle.testbank;

import dev.passerelle.connector.Account;
import dev.passerelle.connector.AuthMechanism;
import dev.passerelle.testkit.Dialogue;
import dev.passerelle.testkit.TestClock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Dialogues with the test bank as the server runs them (through the connector test kit): the user
 * "alice" with the right password, at a fixed instant.
 */
final class Bank {

    static final Instant NOW = Instant.parse("2024-03-14T09:30:00Z");
    /** The bank's today at {@link #NOW}, a Thursday. */
    static final LocalDate TODAY = LocalDate.of(2024, 3, 14);

    private Bank() {
    }

    /** Alice adding {@code source} with her credentials; {@code scenario} chosen unless null. */
    static Dialogue.Builder credentials(String source, String scenario) {
        Dialogue.Builder builder = Dialogue.with(new TestBankConnector()).source(source)
                .mechanism(AuthMechanism.CREDENTIALS).field("login", "alice").field("password", "1234")
                .clock(new TestClock(NOW));
        return scenario == null ? builder : builder.field(TestBankDescriptor.scenarioField(source), scenario);
    }

    static Dialogue directaccess(String scenario) {
        return credentials(TestBankDescriptor.DIRECT_ACCESS, scenario).build();
    }

    /** The {@code openapi} source added by web authentication, {@code scenario} chosen. */
    static Dialogue.Builder webauth(String scenario) {
        return Dialogue.with(new TestBankConnector()).source(TestBankDescriptor.OPEN_API)
                .mechanism(AuthMechanism.WEBAUTH).field("openapiwebsite", scenario).clock(new TestClock(NOW));
    }

    /** The accounts of a dialogue, every one activated as the user would. */
    static List<Account> activated(Dialogue dialogue) {
        List<Account> accounts = dialogue.accounts();
        dialogue.activate(accounts);
        return accounts;
    }

    static Account named(List<Account> accounts, String name) {
        return accounts.stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
    }
}
