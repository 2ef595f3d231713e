package dev.passerelle.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.clients.TestClient;
import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.TestApi;
import dev.passerelle.server.users.UserAccounts;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class AuthTokenAccessTest extends AuthEndpointTestBase {

    @Autowired
    UserAccounts users;

    @Test
    void exchangeAnswersBearerAccessToken() {
        String code = steps.temporaryUser().get("auth_token").asString();

        JsonNode body = api.post("/auth/token/access")
                .json(client.credentialsAnd(Map.of("code", code, "grant_type", "authorization_code"))).send().json();

        assertThat(body.get("access_token").asString()).isNotBlank().isNotEqualTo(code);
        assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(body.get("token").asString()).as("the guide's name for it").isEqualTo(body.get("access_token").asString());
    }

    @Test
    void exchangeMakesTheTemporaryUserPermanentSoThePurgeKeepsIt() {
        JsonNode temporary = steps.temporaryUser();
        long userId = temporary.get("id_user").asLong();
        String accessToken = steps.exchange(temporary.get("auth_token").asString(), client);

        clock.advance(Duration.ofHours(1));
        users.purgeExpiredTemporaryUsers();

        assertThat(users.find(userId)).hasValueSatisfying(user -> {
            assertThat(user.isPermanent()).isTrue();
            assertThat(user.clientId()).isEqualTo(client.id());
        });
        assertThat(steps.whoAmIStatus(accessToken)).isEqualTo(200);
    }

    @Test
    void exchangeAcceptsACodeMintedForTheUser() {
        String permanent = steps.permanentUser(client).get("auth_token").asString();
        String code = steps.code(permanent, "requestAccess");

        assertThat(steps.whoAmIStatus(steps.exchange(code, client))).isEqualTo(200);
    }

    @Test
    void spentSingleAccessCodeIsInvalidValue() {
        String code = steps.code(steps.temporaryUser().get("auth_token").asString(), "singleAccess");
        steps.exchange(code, client);

        TestApi.Response again = api.post("/auth/token/access").form(client.credentialsAnd(Map.of("code", code))).send();

        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("code").asString()).isEqualTo("invalidValue");
        assertThat(again.json().get("description").asString()).isEqualTo("code is invalid or expired");
    }

    @Test
    void expiredCodeIsInvalidValue() {
        String code = steps.temporaryUser().get("auth_token").asString();
        clock.advance(Duration.ofMinutes(31));

        TestApi.Response response = api.post("/auth/token/access").form(client.credentialsAnd(Map.of("code", code))).send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("invalidValue");
    }

    @Test
    void permanentTokenIsNotAnExchangeableCode() {
        String permanent = steps.permanentUser(client).get("auth_token").asString();

        TestApi.Response response = api.post("/auth/token/access").form(client.credentialsAnd(Map.of("code", permanent))).send();

        assertThat(response.status()).isEqualTo(400);
    }

    @Test
    void codeOfAnotherClientsUserIsInvalidValue() {
        String otherClientsToken = steps.permanentUser(TestClient.registerIn(clients)).get("auth_token").asString();
        String code = steps.code(otherClientsToken, "requestAccess");

        TestApi.Response response = api.post("/auth/token/access").form(client.credentialsAnd(Map.of("code", code))).send();

        assertThat(response.status()).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"code", "client_id", "client_secret"})
    void exchangeWithoutARequiredParameterIsMissingParameterNamingIt(String missing) {
        Map<String, String> body = new LinkedHashMap<>(client.credentialsAnd(Map.of("code", "anything")));
        body.remove(missing);

        TestApi.Response response = api.post("/auth/token/access").form(body).send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("missingParameter");
        assertThat(response.json().get("description").asString()).contains(missing);
    }

    @Test
    void exchangeWithOtherGrantTypeIsInvalidValue() {
        String code = steps.temporaryUser().get("auth_token").asString();

        TestApi.Response response = api.post("/auth/token/access")
                .form(client.credentialsAnd(Map.of("code", code, "grant_type", "client_credentials"))).send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("invalidValue");
    }

    @Test
    void exchangeWithWrongSecretIsUnauthorized() {
        String code = steps.temporaryUser().get("auth_token").asString();

        TestApi.Response response = api.post("/auth/token/access")
                .form(Map.of("code", code, "client_id", Long.toString(client.id()), "client_secret", "wrong")).send();

        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void exchangeWithRedirectUriOutsideTheWhitelistIsInvalidValue() {
        String code = steps.temporaryUser().get("auth_token").asString();

        TestApi.Response response = api.post("/auth/token/access")
                .form(client.credentialsAnd(Map.of("code", code, "redirect_uri", "https://evil.example/callback"))).send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("description").asString()).contains("redirect_uri");
    }

    @Test
    void exchangeWithWhitelistedRedirectUriSucceeds() {
        String code = steps.temporaryUser().get("auth_token").asString();

        TestApi.Response response = api.post("/auth/token/access")
                .form(client.credentialsAnd(Map.of("code", code, "redirect_uri", TestClient.REDIRECT_URI))).send();

        assertThat(response.status()).isEqualTo(200);
    }
}
