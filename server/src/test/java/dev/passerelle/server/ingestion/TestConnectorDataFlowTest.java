package dev.passerelle.server.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.TestApi;
import dev.passerelle.server.support.TestConnector;
import dev.passerelle.server.support.TestUsers;
import java.math.BigDecimal;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The whole path an integrator follows with the real test connector and the real connections
 * feature: add a connection, find its accounts disabled, consent, read the transactions.
 */
@IntegrationTest
class TestConnectorDataFlowTest {

    @Autowired
    TestApi api;
    @Autowired
    TestUsers users;

    TestUsers.TestUser user;
    long connection;

    @BeforeEach
    void addConnection() {
        user = users.permanent();
        TestApi.Response added = api.post("/users/me/connections").bearer(user.token())
                .json(TestConnector.fields("par").map())
                .send();
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        connection = added.json().get("id").asLong();
    }

    @Test
    void addedConnectionsAccountsWaitForConsentThenActivationBringsTheirTransactions() {
        JsonNode discovered = get("/users/me/connections/" + connection + "/accounts?all").get("accounts");
        assertThat(discovered).isNotEmpty().allSatisfy(a -> assertThat(a.get("disabled").isNull()).isFalse());
        assertThat(get("/users/me/accounts").get("accounts")).isEmpty();
        assertThat(get("/users/me/transactions").get("total").asInt()).isZero();

        String ids = Stream.of(discovered.values().toArray(JsonNode[]::new))
                .map(a -> a.get("id").asString()).collect(Collectors.joining(","));
        TestApi.Response activated = api.put("/users/me/connections/" + connection + "/accounts/" + ids + "?all")
                .json(Map.of("disabled", false)).bearer(user.token()).send();

        assertThat(activated.status()).as(activated.toString()).isEqualTo(200);
        assertThat(get("/users/me/accounts").get("total").asInt()).isEqualTo(discovered.size());
        assertThat(get("/users/me/transactions").get("total").asInt()).isPositive();
    }

    @Test
    void laterSyncKeepsTheSameAccountsAndTransactions() {
        JsonNode discovered = get("/users/me/accounts?all").get("accounts");
        long first = discovered.get(0).get("id").asLong();
        api.put("/users/me/accounts/" + first + "?all").json(Map.of("disabled", false)).bearer(user.token()).send();
        int transactions = get("/users/me/transactions").get("total").asInt();

        TestApi.Response synced = api.put("/users/me/connections/" + connection).bearer(user.token()).send();

        assertThat(synced.status()).as(synced.toString()).isEqualTo(200);
        assertThat(get("/users/me/accounts?all").get("total").asInt()).isEqualTo(discovered.size());
        assertThat(get("/users/me/transactions").get("total").asInt()).isEqualTo(transactions);
    }

    @Test
    void theSecuritiesAccountOnceActivatedListsItsInvestmentsWithTheirHistory() {
        JsonNode securities = get("/users/me/accounts?all").get("accounts").valueStream()
                .filter(a -> a.get("type").asString().equals("market")).findFirst().orElseThrow();
        assertThat(get("/users/me/investments").get("investments")).as("nothing before consent").isEmpty();

        api.put("/users/me/accounts/" + securities.get("id").asLong() + "?all").json(Map.of("disabled", false))
                .bearer(user.token()).send();

        JsonNode investments = get("/users/me/accounts/" + securities.get("id").asLong() + "/investments");
        assertThat(investments.get("total").asInt()).isEqualTo(4);
        assertThat(investments.get("investments")).allSatisfy(line -> {
            assertThat(line.get("code_type").asString()).isEqualTo("ISIN");
            assertThat(line.get("id_account").asLong()).isEqualTo(securities.get("id").asLong());
        });
        assertThat(investments.get("investments").valueStream().map(line -> line.get("valuation").decimalValue())
                .reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(securities.get("balance").decimalValue());
        long first = investments.get("investments").get(0).get("id").asLong();
        JsonNode history = get("/users/me/investments/" + first + "/history");
        assertThat(history.get("investmentvalues")).hasSizeGreaterThan(50)
                .allSatisfy(value -> assertThat(value.get("id_investment").asLong()).isEqualTo(first));
    }

    private JsonNode get(String path) {
        TestApi.Response response = api.get(path).bearer(user.token()).send();
        assertThat(response.status()).as(path + " → " + response).isEqualTo(200);
        return response.json();
    }
}
