package dev.passerelle.server.webhooks;

import static dev.passerelle.server.ingestion.FakeBank.account;
import static dev.passerelle.server.ingestion.FakeBank.booked;
import static dev.passerelle.server.ingestion.FakeBank.checking;
import static dev.passerelle.server.ingestion.FakeBank.document;
import static dev.passerelle.server.ingestion.FakeBank.subscription;
import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.connector.AccountType;
import dev.passerelle.server.connections.OpenSource;
import dev.passerelle.server.consent.DiscoveredRows.Kind;
import dev.passerelle.server.consent.DiscoveredRows;
import dev.passerelle.server.ingestion.BankFixtures;
import dev.passerelle.server.ingestion.FakeBank;
import dev.passerelle.server.ingestion.FakeBankConfig;
import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.users.User;
import dev.passerelle.server.webhooks.WebhookReceiver.Received;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * {@code ACCOUNTS_FETCHED}, {@code ACCOUNT_SYNCED} and {@code SUBSCRIPTION_SYNCED} (docs/protocol.md
 * §8.2) raised by the data sync of a source of the scripted {@link FakeBank}, to a real listener.
 */
@IntegrationTest
@Import(FakeBankConfig.class)
class WebhookSyncEventsTest extends WebhookTestBase {

    @Autowired
    BankFixtures fixtures;
    @Autowired
    DiscoveredRows discovered;

    User user;
    OpenSource source;
    FakeBank.Script bank;
    LocalDate today;

    @BeforeEach
    void newConnection() {
        user = users.createPermanent(client.id());
        source = fixtures.newSource(user.id());
        bank = fixtures.script(source);
        today = LocalDate.now(clock);
    }

    @Test
    void whenAccountsAreListedThenAccountsFetchedCarriesTheConnectionWithItsEnabledAccounts() {
        String secret = register("ACCOUNTS_FETCHED").get("secret").asString();
        bank.accounts.addAll(List.of(checking("A1", "10"), checking("A2", "20")));
        fixtures.sync(source);
        long enabled = fixtures.accountIds(source).getFirst();
        discovered.setDisabled(Kind.ACCOUNT, enabled, null);

        fixtures.sync(source);
        sender.sendDue();

        List<Received> calls = receiver.received();
        assertThat(calls).hasSize(2);
        JsonNode body = calls.getLast().json();
        assertThat(body.get("user").get("id").asLong()).isEqualTo(user.id());
        assertThat(body.get("connection").get("id").asLong()).isEqualTo(source.connectionId());
        assertThat(ids(body.get("connection").get("accounts"))).containsExactly(enabled);
        assertThat(ids(calls.getFirst().json().get("connection").get("accounts"))).isEmpty();
        assertThat(WebhookVerifier.biSignature(secret, "/hooks", calls.getLast().date(), calls.getLast().body(),
                calls.getLast().signature())).isTrue();
    }

    @Test
    void whenAnAccountIsFetchedAgainThenAccountSyncedCarriesOnlyTheOperationsThisFetchInserted() {
        register("ACCOUNT_SYNCED");
        bank.accounts.add(checking("A1", "10"));
        bank.transactions("A1", List.of(booked("T1", today, "-1"), booked("T2", today, "-2")));
        fixtures.sync(source);
        long account = fixtures.accountIds(source).getFirst();
        discovered.setDisabled(Kind.ACCOUNT, account, null);
        fixtures.sync(source);
        clock.advance(Duration.ofMinutes(5));
        bank.transactions("A1", List.of(booked("T1", today, "-1"), booked("T2", today, "-2"), booked("T3", today, "-3")));

        fixtures.sync(source);
        sender.sendDue();

        List<JsonNode> bodies = receiver.received().stream().map(Received::json).toList();
        assertThat(bodies).hasSize(2).allSatisfy(body -> assertThat(body.get("id").asLong()).isEqualTo(account));
        assertThat(wordings(bodies.get(0).get("transactions"))).containsExactlyInAnyOrder("Operation T1", "Operation T2");
        assertThat(wordings(bodies.get(1).get("transactions"))).containsExactly("Operation T3");
        assertThat(bodies.get(1).get("transactions").get(0).get("value").asString()).isEqualTo("-3");
    }

    @Test
    void aWealthAccountsAccountSyncedCarriesItsInvestmentsAndOtherAccountsAnEmptyList() {
        register("ACCOUNT_SYNCED");
        bank.accounts.addAll(List.of(account("M1", AccountType.MARKET, "1500", "EUR", null), checking("C1", "10")));
        bank.investments.put("M1", List.of(FakeBank.investment("M1-ETF", "WORLD ETF", "1000"),
                FakeBank.investment("M1-EURO", "Fonds en euros", "500")));
        fixtures.sync(source);
        fixtures.accountIds(source).forEach(id -> discovered.setDisabled(Kind.ACCOUNT, id, null));

        fixtures.sync(source);
        sender.sendDue();

        Map<String, JsonNode> byName = receiver.received().stream().map(Received::json)
                .collect(Collectors.toMap(body -> body.get("name").asString(), body -> body));
        assertThat(byName.get("Account M1").get("investments")).extracting(i -> i.get("label").asString())
                .containsExactly("WORLD ETF", "Fonds en euros");
        assertThat(byName.get("Account M1").get("investments").get(0).get("valuation").decimalValue())
                .isEqualByComparingTo("1000");
        assertThat(byName.get("Account C1").get("investments")).isEmpty();
    }

    @Test
    void disabledAccountsRaiseNoAccountSynced() {
        register("ACCOUNT_SYNCED");
        bank.accounts.addAll(List.of(checking("A1", "10"), checking("A2", "20")));
        bank.transactions("A2", List.of(booked("T1", today, "-1")));
        fixtures.sync(source);
        long enabled = fixtures.accountIds(source).getFirst();
        discovered.setDisabled(Kind.ACCOUNT, enabled, null);

        fixtures.sync(source);
        sender.sendDue();

        assertThat(receiver.received()).singleElement().satisfies(call -> {
            assertThat(call.json().get("id").asLong()).isEqualTo(enabled);
            assertThat(call.json().get("transactions").isEmpty()).isTrue();
        });
    }

    @Test
    void whenDocumentsAreFetchedThenSubscriptionSyncedCarriesTheNewOnes() {
        register("SUBSCRIPTION_SYNCED");
        bank.subscriptions.add(subscription("S1"));
        bank.documents.put("S1", List.of(document("D1", today)));
        fixtures.sync(source);
        long subscription = fixtures.subscriptionIds(source).getFirst();
        discovered.setDisabled(Kind.SUBSCRIPTION, subscription, null);
        fixtures.sync(source);
        clock.advance(Duration.ofMinutes(5));
        bank.documents.put("S1", List.of(document("D1", today), document("D2", today)));

        fixtures.sync(source);
        sender.sendDue();

        List<JsonNode> bodies = receiver.received().stream().map(Received::json).toList();
        assertThat(bodies).hasSize(2).allSatisfy(body -> {
            assertThat(body.get("id").asLong()).isEqualTo(subscription);
            assertThat(body.get("disabled").isNull()).isTrue();
        });
        assertThat(names(bodies.get(0).get("documents"))).containsExactly("Bill D1");
        assertThat(names(bodies.get(1).get("documents"))).containsExactly("Bill D2");
    }

    @Test
    void usersWithoutAClientApplicationRaiseNothing() {
        register("ACCOUNTS_FETCHED");
        OpenSource foreign = fixtures.newSource(users.createPermanent(null).id());
        fixtures.script(foreign).accounts.add(checking("A1", "10"));

        fixtures.sync(foreign);
        sender.sendDue();

        assertThat(receiver.received()).isEmpty();
    }

    private JsonNode register(String events) {
        return admin.register(client.id(), receiver.url("/hooks"), events, "hmac");
    }

    private static List<Long> ids(JsonNode array) {
        return array.valueStream().map(node -> node.get("id").asLong()).toList();
    }

    private static List<String> wordings(JsonNode transactions) {
        return transactions.valueStream().map(t -> t.get("original_wording").asString()).toList();
    }

    private static List<String> names(JsonNode documents) {
        return documents.valueStream().map(d -> d.get("name").asString()).toList();
    }
}
