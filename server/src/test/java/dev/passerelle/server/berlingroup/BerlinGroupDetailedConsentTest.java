package dev.passerelle.server.berlingroup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.support.TestApi;
import dev.passerelle.xs2a.simulator.ConsentView;
import dev.passerelle.xs2a.simulator.consent.AccessRequest;
import dev.passerelle.xs2a.simulator.consent.ConsentStatus;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A Berlin Group bank under the detailed consent model through the public API: a one-off consent
 * lists the accounts, and activating one asks the user to consent to exactly the accounts chosen (the
 * runtime's post-activation hook, answered without the user: {@code SCARequired}); the user's web
 * authentication then makes the bank's dedicated consent, and the account's data comes.
 */
@BerlinGroupApiTest
class BerlinGroupDetailedConsentTest {

    @AutoClose
    private static final Xs2aBank BANK = Xs2aBank.builder().entry("consent-model", "detailed").start();

    @DynamicPropertySource
    static void directory(DynamicPropertyRegistry registry) {
        BANK.configure(registry);
    }

    @Autowired
    TestApi api;
    @Autowired
    PsuWalks walks;

    PsuWalk walk;

    @BeforeEach
    void newUserOfANewClient() {
        walk = walks.newUserAt(BANK);
    }

    @Test
    void activatingAnAccountAsksTheUserToConsentAtTheBankThenItsTransactionsCome() {
        Set<String> before = BANK.simulator.consents().stream().map(ConsentView::consentId).collect(Collectors.toSet());
        long id = walk.connected("redirect");
        JsonNode accounts = walk.accounts(id);
        assertThat(accounts).hasSize(4);
        ConsentView listing = newConsents(before).stream().filter(c -> c.status() == ConsentStatus.VALID)
                .findFirst().orElseThrow();
        assertThat(listing.accessKind()).isEqualTo(AccessRequest.Kind.AVAILABLE_ACCOUNTS);
        long account = accounts.get(0).get("id").asLong();

        walk.activate(id, account);

        assertThat(walk.connection(id).get("state").asString()).isEqualTo("SCARequired");
        Map<String, String> back = walk.walk(walk.link(Map.of("id_connection", Long.toString(id))), "redirect",
                "accept");
        assertThat(back).as("%s", back).containsEntry("id_connection", Long.toString(id));
        JsonNode connection = walk.connection(id);
        assertThat(connection.get("state").isNull()).as("%s", connection).isTrue();
        ConsentView dedicated = newConsents(before).stream().filter(c -> c.status() == ConsentStatus.VALID)
                .findFirst().orElseThrow();
        assertThat(dedicated.accessKind()).isEqualTo(AccessRequest.Kind.DEDICATED);
        assertThat(dedicated.transactions()).hasSize(1);
        assertThat(BANK.simulator.consent(listing.consentId()).orElseThrow().status())
                .isEqualTo(ConsentStatus.TERMINATED_BY_TPP);
        TestApi.Response transactions = api.get("/users/me/accounts/" + account + "/transactions")
                .bearer(walk.token()).send();
        assertThat(transactions.json().get("transactions").size()).as("%s", transactions).isPositive();
    }

    private static List<ConsentView> newConsents(Set<String> before) {
        return BANK.simulator.consents().stream().filter(c -> !before.contains(c.consentId())).toList();
    }
}
