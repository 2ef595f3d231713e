package dev.passerelle.server.connections;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.support.TestApi;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code expand} on connections: discovered accounts and subscriptions arrive disabled (docs/protocol.md §3.1, §7). */
class ConnectionExpandTest extends TestBankUserTest {

    @Test
    void allAccountsListsTheDiscoveredAccountsDisabledWhileAccountsListsNone() {
        long id = bank.added("par");

        JsonNode connection = expanded(id, "accounts,all_accounts");

        assertThat(connection.get("accounts").size()).isZero();
        assertThat(connection.get("all_accounts").size()).isGreaterThan(3);
        assertThat(connection.get("all_accounts").get(0).get("disabled").isNull()).isFalse();
        assertThat(connection.get("all_accounts").findValuesAsString("type")).contains("checking", "card", "savings");
    }

    @Test
    void anActivatedAccountAppearsInAccounts() {
        long id = bank.added("par");
        long account = expanded(id, "all_accounts").get("all_accounts").get(0).get("id").asLong();

        TestApi.Response activated = api.put("/users/me/connections/" + id + "/accounts/" + account + "?all")
                .bearer(bank.token()).json(java.util.Map.of("disabled", false)).send();

        assertThat(activated.status()).isEqualTo(200);
        JsonNode accounts = expanded(id, "accounts").get("accounts");
        assertThat(accounts.size()).isEqualTo(1);
        assertThat(accounts.get(0).get("id").asLong()).isEqualTo(account);
    }

    @Test
    void allSubscriptionsListsTheDiscoveredSubscriptions() {
        long id = bank.added("par");

        JsonNode connection = expanded(id, "subscriptions,all_subscriptions");

        assertThat(connection.get("subscriptions").size()).isZero();
        assertThat(connection.get("all_subscriptions").size()).isEqualTo(2);
    }

    private JsonNode expanded(long id, String expand) {
        return api.get("/users/me/connections/" + id + "?expand=" + expand).bearer(bank.token()).send().json();
    }
}
