package dev.passerelle.server.connections;

import static dev.passerelle.server.ingestion.FakeBank.account;
import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.connector.AccountType;
import dev.passerelle.connector.Interruption;
import dev.passerelle.connector.PsuContext;
import dev.passerelle.server.ingestion.BankFixtures;
import dev.passerelle.server.ingestion.FakeBank;
import dev.passerelle.server.ingestion.FakeBankConfig;
import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.TestApi;
import dev.passerelle.server.support.TestUsers;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * What the connector runtime does for the server with a connector that throws or whose data call
 * the institution stops: states, timeline entries and sessions, over the API.
 */
@IntegrationTest
@Import(FakeBankConfig.class)
class ConnectorRuntimeTest {

    @Autowired
    TestApi api;
    @Autowired
    TestUsers users;
    @Autowired
    BankFixtures fixtures;

    TestUsers.TestUser user;
    OpenSource source;
    FakeBank.Script bank;

    @BeforeEach
    void connectionOnTheFakeBank() {
        user = users.permanent();
        source = fixtures.newSource(user.id());
        bank = fixtures.script(source);
    }

    @Test
    void aConnectorThatThrowsLeavesTheConnectionInBugWithTimelineEntriesAndTheServerAnswers() {
        bank.syncFault = new IllegalStateException("unexpected page at /accounts");

        TestApi.Response synced = api.put("/users/me/connections/" + source.connectionId()).bearer(user.token()).send();

        assertThat(synced.status()).as(synced.toString()).isEqualTo(200);
        assertThat(synced.json().get("state").asString()).isEqualTo("bug");
        JsonNode logs = logs();
        assertThat(logs.valueStream().map(e -> e.get("cause").asString()))
                .anySatisfy(cause -> assertThat(cause).startsWith("sync requested by the user -> Failure BUG"))
                .anySatisfy(cause -> assertThat(cause).startsWith(
                        "warning: The connector failed: java.lang.IllegalStateException: unexpected page at /accounts at "));
        assertThat(logs.valueStream().filter(e -> e.get("actor").asString().equals("connector"))).isNotEmpty();
    }

    @Test
    void aDataCallThatAsksForAStrongAuthenticationTurnsTheSourceScaRequiredAndKeepsItsSession() {
        bank.accounts.add(account("A1", AccountType.CHECKING, "10", "EUR", null));
        bank.transactionStops.put("A1", ctx -> {
            ctx.saveSession("token=rotated");
            return Interruption.scaRequired("Confirm in your bank app");
        });
        fixtures.sync(source);
        long account = fixtures.accountIds(source).getFirst();

        api.put("/users/me/accounts/" + account + "?all").json(Map.of("disabled", false)).bearer(user.token()).send();

        JsonNode connection = api.get("/users/me/connections/" + source.connectionId()).bearer(user.token()).send().json();
        assertThat(connection.get("state").asString()).isEqualTo("SCARequired");
        assertThat(connection.get("error_message").asString()).isEqualTo("Confirm in your bank app");
        assertThat(api.get("/users/me/accounts/" + account).bearer(user.token()).send().json().get("error").asString())
                .isEqualTo("SCARequired");
        assertThat(logs().valueStream().map(e -> e.get("cause").asString()))
                .contains("data call -> ScaRequired");

        bank.transactionStops.clear();
        api.put("/users/me/connections/" + source.connectionId()).bearer(user.token()).send();
        assertThat(bank.sessionsSeenBySync).last().isEqualTo("token=rotated");
    }

    @Test
    void aSyncTheUserAsksForCarriesTheirAddressBrowserAndLanguagesToTheConnector() {
        api.put("/users/me/connections/" + source.connectionId()).bearer(user.token())
                .header("User-Agent", "BankingApp/2.1 (Android 14)").header("Accept-Language", "fr-FR,fr;q=0.9").send();

        assertThat(bank.psuSeenBySync).singleElement()
                .isEqualTo(new PsuContext("127.0.0.1", "BankingApp/2.1 (Android 14)", "fr-FR,fr;q=0.9"));
    }

    private JsonNode logs() {
        return api.get("/users/me/connections/" + source.connectionId() + "/logs").bearer(user.token()).send().json()
                .get("connectionlogs");
    }
}
