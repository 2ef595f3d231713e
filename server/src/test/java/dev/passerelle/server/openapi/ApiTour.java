package dev.passerelle.server.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.auth.AuthSteps;
import dev.passerelle.server.clients.TestClient;
import dev.passerelle.server.support.TestApi;
import dev.passerelle.server.support.TestConnector;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One integrator's walk through every route family of the API, the way the README's walkthrough
 * goes, with the test connector driven into every connection state (docs/protocol.md, "Connection
 * states"): the responses it gets are recorded like every other test's, so the drift check has a
 * representative exchange of each family even when it runs alone.
 */
final class ApiTour {

    private final TestApi api;
    private final String configToken;
    private String token;

    ApiTour(TestApi api, String configToken) {
        this.api = api;
        this.configToken = configToken;
    }

    /** Walks it all; {@code client} authenticates the user, {@code hooks} (another client) owns the webhook. */
    void walk(TestClient client, TestClient hooks) {
        authenticate(client);
        browseConnectors();
        long connection = connectEveryState();
        readData(connection);
        webauth(client);
        webhooks(hooks);
        deleteUser();
    }

    private void authenticate(TestClient client) {
        AuthSteps auth = new AuthSteps(api);
        String first = auth.permanentUser(client).get("auth_token").asString();
        token = auth.exchange(auth.code(first, "singleAccess"), client);
        String user = ok(api.get("/users/me").bearer(token).send()).json().get("id").asString();
        ok(api.post("/auth/renew").form(client.credentialsAnd(Map.of("grant_type", "client_credentials", "id_user", user))).send());
    }

    private void browseConnectors() {
        ok(api.get("/connectors?expand=fields,sources").bearer(token).send());
        for (String route : new String[] {"", "/sources", "/fields"}) {
            ok(api.get("/connectors/" + TestConnector.UUID + route).bearer(token).send());
        }
        ok(api.get("/banks").bearer(token).send());
        ok(api.get("/account_types").bearer(token).send());
    }

    /** A connection in each state the test connector's scenarios lead to; answers the one that synced. */
    private long connectEveryState() {
        long synced = id(ok(add(TestConnector.fields("par").map())));
        add(TestConnector.fields("par").with("password", "0000").map());
        add(TestConnector.fields("additionalInformationNeeded").map());
        long decoupled = id(add(TestConnector.fields("longDecoupled").map()));
        update(decoupled, "?background=true", Map.of("resume", "true"));
        for (String scenario : new String[] {"websiteUnavailable", "rateLimiting", "bug", "notSupported",
                "passwordExpired", "actionNeeded"}) {
            long connection = id(ok(add(TestConnector.fields("par").map())));
            update(connection, "", Map.of("directaccesswebsite", scenario));
            ok(api.get("/users/me/connections/" + connection).bearer(token).send());
        }
        sync(id(ok(add(TestConnector.fields("SCARequired").map()))));
        sync(id(ok(add(TestConnector.fields("webauthRequired").onOpenapi().map()))));

        ok(api.get("/users/me/connections?expand=accounts").bearer(token).send());
        ok(api.get("/users/me/connections/" + synced + "/sources").bearer(token).send());
        ok(api.get("/users/me/connections/" + synced + "/logs").bearer(token).send());
        api.get("/users/me/connections/999999999").bearer(token).send();
        return synced;
    }

    /** Activates every discovered account (consent), then reads what the bank gave. */
    private void readData(long connection) {
        JsonNode discovered = ok(api.get("/users/me/connections/" + connection + "/accounts?all").bearer(token).send()).json();
        List<String> ids = discovered.get("accounts").valueStream().map(account -> account.get("id").asString()).toList();
        assertThat(ids).as("accounts of %s", discovered).isNotEmpty();
        ok(api.put("/users/me/connections/" + connection + "/accounts/" + String.join(",", ids) + "?all").bearer(token)
                .json(Map.of("disabled", false)).send());
        ok(api.get("/users/me/accounts/" + ids.getFirst()).bearer(token).send());
        ok(api.get("/users/me/accounts?expand=connection[connector]").bearer(token).send());
        ok(api.get("/users/me/accounts/" + ids.getFirst() + "/transactions").bearer(token).send());
        long transaction = firstId(ok(api.get("/users/me/transactions?limit=5").bearer(token).send()), "transactions");
        ok(api.get("/users/me/transactions/" + transaction).bearer(token).send());
        ok(api.post("/users/me/transactions/" + transaction).bearer(token)
                .json(Map.of("wording", "Groceries", "application_date", "2024-03-09", "comment", "tour", "active", false))
                .send());
        ok(api.get("/users/me/investments").bearer(token).send());
        ok(api.get("/users/me/subscriptions?all&expand=connection").bearer(token).send());
        ok(api.get("/users/me/documents").bearer(token).send());
    }

    private void webauth(TestClient client) {
        TestApi.Response link = ok(api.get("/webauth-url?client_id=" + client.id() + "&connector_uuid=" + TestConnector.UUID
                + "&redirect_uri=" + TestClient.REDIRECT_URI).bearer(token).send());
        assertThat(api.link(link.json().get("url").asString()).send().status()).isEqualTo(307);
    }

    private void webhooks(TestClient hooks) {
        TestApi.Response registered = api.post("/webhooks").bearer(configToken).json(Map.of("url", "http://127.0.0.1:9/tour",
                "events", "USER_CREATED", "id_client", hooks.id(), "auth", "hmac")).send();
        assertThat(registered.status()).as("%s", registered).isEqualTo(201);
        long hook = registered.json().get("id").asLong();
        ok(api.get("/webhooks").bearer(configToken).send());
        ok(api.get("/webhooks/" + hook + "/deliveries").bearer(configToken).send());
        ok(api.delete("/webhooks/" + hook).bearer(configToken).send());
    }

    private void deleteUser() {
        ok(api.get("/users").bearer(configToken).send());
        ok(api.delete("/users/me").bearer(token).send());
    }

    private TestApi.Response add(Map<String, String> fields) {
        return api.post("/users/me/connections").bearer(token).json(fields).send();
    }

    private TestApi.Response update(long connection, String query, Map<String, String> body) {
        return api.post("/users/me/connections/" + connection + query).bearer(token).json(body).send();
    }

    private void sync(long connection) {
        api.put("/users/me/connections/" + connection + "?psu_requested=false").bearer(token).send();
    }

    private static TestApi.Response ok(TestApi.Response response) {
        assertThat(response.status()).as("%s", response).isBetween(200, 299);
        return response;
    }

    private static long id(TestApi.Response response) {
        return response.json().get("id").asLong();
    }

    private static long firstId(TestApi.Response list, String member) {
        JsonNode items = list.json().get(member);
        assertThat(items.size()).as("%s in %s", member, list).isPositive();
        return items.get(0).get("id").asLong();
    }
}
