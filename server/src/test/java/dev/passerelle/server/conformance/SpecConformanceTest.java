package dev.passerelle.server.conformance;

import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.TestApi;
import dev.passerelle.server.support.TestConnector;
import dev.passerelle.server.support.TestUsers;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Our real responses, validated against Powens' OpenAPI files (CI only: the files live outside the
 * project, see {@link PowensSpec}). Each test walks one flow and checks every response on the way.
 */
@Tag("powens-spec")
@IntegrationTest
class SpecConformanceTest {

    static final String TEST_CONNECTOR = TestConnector.UUID;

    static PowensSpec spec;

    @Autowired
    TestApi api;
    @Autowired
    TestUsers users;

    String token;

    @BeforeAll
    static void loadSpec() {
        spec = PowensSpec.load();
    }

    @BeforeEach
    void newUser() {
        token = users.permanent().token();
    }

    @Test
    void connectorCatalogueConforms() {
        check("GET", "/connectors", api.get("/connectors").send());
        check("GET", "/connectors", api.get("/connectors?expand=sources,fields").send());
        check("GET", "/connectors/" + TEST_CONNECTOR, api.get("/connectors/" + TEST_CONNECTOR + "?expand=fields").send());
        check("GET", "/banks", api.get("/banks").send());
        check("GET", "/providers", api.get("/providers").send());
    }

    @Test
    void connectionCreatedAndResumedConforms() {
        TestApi.Response pending = create("additionalInformationNeeded");
        check("POST", "/users/me/connections", pending);
        String path = "/users/me/connections/" + pending.json().get("id").asLong();
        check("GET", path, api.get(path + "?expand=sources").bearer(token).send());
        check("POST", path, api.post(path).bearer(token).json(Map.of("openapisms", "abcd")).send());
        check("GET", "/users/me/connections", api.get("/users/me/connections").bearer(token).send());
        check("DELETE", path, api.delete(path).bearer(token).send());
    }

    @Test
    void connectionCreationSucceededConforms() {
        check("POST", "/users/me/connections", create("par"));
    }

    @Test
    void connectionCreationFailedConforms() {
        check("POST", "/users/me/connections", create("wrongpass"));
        check("POST", "/users/me/connections", create("actionNeeded"));
    }

    @Test
    void authAndUserFlowConforms() {
        check("POST", "/auth/init", api.post("/auth/init").send());
        check("GET", "/auth/token/code", api.get("/auth/token/code?type=singleAccess").bearer(token).send());
        check("GET", "/users/me", api.get("/users/me").bearer(token).send());
        check("DELETE", "/auth/token", api.delete("/auth/token").bearer(token).send());
    }

    @Test
    void accountsAndTransactionsConform() {
        create("par");
        TestApi.Response accounts = api.get("/users/me/accounts?all").bearer(token).send();
        check("GET", "/users/me/accounts", accounts);
        check("GET", "/users/me/accounts", api.get("/users/me/accounts?all&expand=connection[connector]").bearer(token).send());
        long account = accounts.json().get("accounts").get(0).get("id").asLong();
        TestApi.Response activated = api.post("/users/me/accounts/" + account + "?all").bearer(token)
                .json(Map.of("disabled", false)).send();
        check("POST", "/users/me/accounts/" + account, activated);
        check("GET", "/users/me/accounts/" + account, api.get("/users/me/accounts/" + account).bearer(token).send());
        TestApi.Response transactions = api.get("/users/me/transactions?limit=20").bearer(token).send();
        check("GET", "/users/me/transactions", transactions);
        long transaction = transactions.json().get("transactions").get(0).get("id").asLong();
        check("GET", "/users/me/transactions/" + transaction, api.get("/users/me/transactions/" + transaction).bearer(token).send());
        check("POST", "/users/me/transactions/" + transaction, api.post("/users/me/transactions/" + transaction).bearer(token)
                .json(Map.of("wording", "Groceries", "application_date", "2024-03-09", "comment", "a note", "active", false))
                .send());
        check("GET", "/account_types", api.get("/account_types").send());
    }

    private TestApi.Response create(String scenario) {
        return api.post("/users/me/connections").bearer(token).json(TestConnector.fields(scenario).map()).send();
    }

    private static void check(String method, String path, TestApi.Response response) {
        spec.assertConforms(method, path, response);
    }
}
