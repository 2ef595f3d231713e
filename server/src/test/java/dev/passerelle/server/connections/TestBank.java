package dev.passerelle.server.connections;

import static org.awaitility.Awaitility.await;

import dev.passerelle.server.support.TestApi;
import dev.passerelle.server.support.TestConnector;
import dev.passerelle.server.support.TestUsers.TestUser;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Drives the test connector ("Connecteur de test") through the API for one user, the way an
 * integrator does with curl: {@code bank.add(TestBank.fields("additionalInformationNeeded"))}.
 */
final class TestBank {

    static final String UUID = TestConnector.UUID;

    private final TestApi api;
    private final TestUser user;

    TestBank(TestApi api, TestUser user) {
        this.api = api;
        this.user = user;
    }

    /** Field values that pick {@code scenario} on the {@code directaccess} source, with the right password. */
    static TestConnector.Fields fields(String scenario) {
        return TestConnector.fields(scenario);
    }

    String token() {
        return user.token();
    }

    TestApi.Response add(TestConnector.Fields fields) {
        return api.post("/users/me/connections").bearer(user.token()).json(fields.map()).send();
    }

    /** Adds a connection that must succeed, and returns its id. */
    long added(String scenario) {
        TestApi.Response response = add(fields(scenario));
        if (response.status() != 200) {
            throw new AssertionError("adding " + scenario + " answered " + response);
        }
        return response.json().get("id").asLong();
    }

    TestApi.Response update(long connection, Map<String, String> body) {
        return api.post("/users/me/connections/" + connection).bearer(user.token()).json(body).send();
    }

    TestApi.Response update(long connection, String query, Map<String, String> body) {
        return api.post("/users/me/connections/" + connection + query).bearer(user.token()).json(body).send();
    }

    TestApi.Response sync(long connection, boolean userPresent) {
        return api.put("/users/me/connections/" + connection + "?psu_requested=" + userPresent).bearer(user.token()).send();
    }

    TestApi.Response get(long connection) {
        return api.get("/users/me/connections/" + connection).bearer(user.token()).send();
    }

    TestApi.Response list() {
        return api.get("/users/me/connections").bearer(user.token()).send();
    }

    TestApi.Response logs(long connection) {
        return api.get("/users/me/connections/" + connection + "/logs").bearer(user.token()).send();
    }

    /** The connection once its background step ended (it left {@code validating}). */
    JsonNode awaitSettled(long connection) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            last[0] = get(connection).json();
            return !"validating".equals(last[0].get("state").asString(null));
        });
        return last[0];
    }
}
