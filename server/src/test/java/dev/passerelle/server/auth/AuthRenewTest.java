package dev.passerelle.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.clients.TestClient;
import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.TestApi;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

@IntegrationTest
class AuthRenewTest extends AuthEndpointTestBase {

    private TestApi.Response renew(Map<String, String> fields) {
        return api.post("/auth/renew").form(client.credentialsAnd(fields)).send();
    }

    @Test
    void renewWithRevokePreviousRevokesTheOlderPermanentToken() {
        JsonNode user = steps.permanentUser(client);
        String older = user.get("auth_token").asString();

        TestApi.Response response = renew(Map.of("grant_type", "client_credentials",
                "id_user", user.get("id_user").asString(), "revoke_previous", "true"));

        assertThat(response.json().get("token_type").asString()).isEqualTo("Bearer");
        assertThat(response.json().get("token").asString()).isEqualTo(response.json().get("access_token").asString());
        assertThat(steps.whoAmIStatus(response.json().get("access_token").asString())).isEqualTo(200);
        assertThat(steps.whoAmIStatus(older)).isEqualTo(401);
    }

    @Test
    void renewWithoutRevokePreviousKeepsTheOlderToken() {
        JsonNode user = steps.permanentUser(client);

        renew(Map.of("grant_type", "client_credentials", "id_user", user.get("id_user").asString()));

        assertThat(steps.whoAmIStatus(user.get("auth_token").asString())).isEqualTo(200);
    }

    @Test
    void renewedTokenActsForTheRequestedUser() {
        JsonNode user = steps.permanentUser(client);

        String renewed = renew(Map.of("grant_type", "client_credentials", "id_user", user.get("id_user").asString()))
                .json().get("access_token").asString();

        assertThat(api.get("/users/me").bearer(renewed).send().json().get("id").asLong())
                .isEqualTo(user.get("id_user").asLong());
    }

    @Test
    void renewWithoutIdUserCreatesANewUser() {
        long existing = steps.permanentUser(client).get("id_user").asLong();

        String renewed = renew(Map.of("grant_type", "client_credentials")).json().get("access_token").asString();

        assertThat(api.get("/users/me").bearer(renewed).send().json().get("id").asLong()).isNotEqualTo(existing);
    }

    @Test
    void renewWithoutGrantTypeIsMissingParameter() {
        TestApi.Response response = renew(Map.of());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("missingParameter");
    }

    @Test
    void renewWithOtherGrantTypeIsInvalidValue() {
        TestApi.Response response = renew(Map.of("grant_type", "authorization_code"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("invalidValue");
    }

    @Test
    void renewForAnotherClientsUserIsNotFound() {
        long othersUser = steps.permanentUser(TestClient.registerIn(clients)).get("id_user").asLong();

        TestApi.Response response = renew(Map.of("grant_type", "client_credentials", "id_user", Long.toString(othersUser)));

        assertThat(response.status()).isEqualTo(404);
    }

    @Test
    void renewForAUserOfTheConfigTokenIsNotFound() {
        long ownerless = api.post("/auth/init").bearer(AuthSteps.configToken(dataDirectory)).send()
                .json().get("id_user").asLong();

        assertThat(renewStatus(ownerless)).isEqualTo(404);
    }

    @Test
    void renewForAnAnonymousUserIsNotFoundAndLeavesItToTheClientThatExchangesItsCode() {
        JsonNode temporary = steps.temporaryUser();
        long userId = temporary.get("id_user").asLong();
        TestClient second = TestClient.registerIn(clients);

        assertThat(renewStatus(userId)).isEqualTo(404);

        steps.exchange(steps.code(temporary.get("auth_token").asString(), "requestAccess"), second);
        assertThat(renewStatus(second, userId)).isEqualTo(200);
        assertThat(renewStatus(userId)).isEqualTo(404);
    }

    @Test
    void aSecondClientCannotRenewTheFirstClientsUsers() {
        long firstClientsUser = steps.permanentUser(client).get("id_user").asLong();
        TestClient second = TestClient.registerIn(clients);

        TestApi.Response response = api.post("/auth/renew").form(second.credentialsAnd(Map.of(
                "grant_type", "client_credentials", "id_user", Long.toString(firstClientsUser)))).send();

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().has("access_token")).isFalse();
    }

    @Test
    void refusingAnotherClientsUserReadsLikeAMissingUser() {
        long othersUser = steps.permanentUser(TestClient.registerIn(clients)).get("id_user").asLong();
        long missing = othersUser + 1_000_000;

        ObjectNode refused = (ObjectNode) renew(Map.of("grant_type", "client_credentials",
                "id_user", Long.toString(othersUser))).json();
        ObjectNode absent = (ObjectNode) renew(Map.of("grant_type", "client_credentials",
                "id_user", Long.toString(missing))).json();

        refused.remove("request_id");
        absent.remove("request_id");
        assertThat(refused).isEqualTo(absent);
    }

    private int renewStatus(long userId) {
        return renewStatus(client, userId);
    }

    private int renewStatus(TestClient caller, long userId) {
        return api.post("/auth/renew").form(caller.credentialsAnd(Map.of(
                "grant_type", "client_credentials", "id_user", Long.toString(userId)))).send().status();
    }

    @Test
    void renewWithWrongSecretIsUnauthorized() {
        TestApi.Response response = api.post("/auth/renew").form(Map.of("grant_type", "client_credentials",
                "client_id", Long.toString(client.id()), "client_secret", "wrong")).send();

        assertThat(response.status()).isEqualTo(401);
    }
}
