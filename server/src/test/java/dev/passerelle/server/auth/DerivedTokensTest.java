package dev.passerelle.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.TestApi;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Codes and webview sessions are derived from another token (docs/auth.md "Derived tokens"): only
 * an origin token mints codes, a derived token never outlives the token it came from, and revoking
 * a token revokes what was derived from it. Time moves on the user's own sandbox clock.
 */
@IntegrationTest
@TestPropertySource(properties = "passerelle.sandbox.enabled=true")
class DerivedTokensTest extends AuthEndpointTestBase {

    private String permanent;
    private long userId;

    @BeforeEach
    void aPermanentUser() {
        JsonNode user = steps.permanentUser(client);
        permanent = user.get("auth_token").asString();
        userId = user.get("id_user").asLong();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aCodeCannotMintCodesOfEitherType() {
        String reusable = steps.code(permanent, "requestAccess");
        String single = steps.code(permanent, "singleAccess");

        TestApi.Response fromReusable = api.get("/auth/token/code").bearer(reusable).send();
        TestApi.Response fromSingle = api.post("/auth/token/code").bearer(single).form(Map.of("type", "singleAccess")).send();

        assertThat(fromReusable.status()).isEqualTo(403);
        assertThat(fromReusable.json().get("code").asString()).isEqualTo("forbidden");
        assertThat(fromSingle.status()).isEqualTo(403);
    }

    @Test
    void aChainOfCodesEndsWhenTheFirstCodeExpires() {
        String code = steps.code(permanent, "requestAccess");
        moveMyClock(Duration.ofMinutes(20));

        assertThat(api.get("/auth/token/code").bearer(code).send().status()).isEqualTo(403);
        moveMyClock(Duration.ofMinutes(11));
        assertThat(steps.whoAmIStatus(code)).isEqualTo(401);
        assertThat(steps.whoAmIStatus(permanent)).isEqualTo(200);
    }

    @Test
    void aTemporaryTokenMintsCodesThatDieWithIt() {
        String temporary = steps.temporaryUser().get("auth_token").asString();
        assertThat(api.post("/users/me/test/clock").bearer(temporary).json(Map.of("advance", "PT20M")).send().status())
                .isEqualTo(200);

        JsonNode code = api.get("/auth/token/code").bearer(temporary).send().json();

        assertThat(code.get("expires_in").asInt()).isBetween(590, 600);
    }

    @Test
    void revokePreviousRevokesTheCodesAndSessionsDerivedFromTheOldTokens() {
        String code = steps.code(permanent, "requestAccess");
        String session = webviewSession(steps.code(permanent, "singleAccess"));

        TestApi.Response renewed = api.post("/auth/renew").form(client.credentialsAnd(Map.of(
                "grant_type", "client_credentials", "id_user", Long.toString(userId), "revoke_previous", "true"))).send();

        assertThat(renewed.status()).isEqualTo(200);
        assertThat(steps.whoAmIStatus(code)).isEqualTo(401);
        assertThat(steps.whoAmIStatus(session)).isEqualTo(401);
        assertThat(steps.whoAmIStatus(renewed.json().get("access_token").asString())).isEqualTo(200);
    }

    @Test
    void deletingATokenRevokesTheCodesAndSessionsDerivedFromIt() {
        String other = steps.exchange(steps.code(permanent, "requestAccess"), client);
        String code = steps.code(permanent, "requestAccess");
        String session = webviewSession(code);
        String otherCode = steps.code(other, "requestAccess");

        assertThat(api.delete("/auth/token").bearer(permanent).send().status()).isEqualTo(204);

        assertThat(steps.whoAmIStatus(code)).isEqualTo(401);
        assertThat(steps.whoAmIStatus(session)).isEqualTo(401);
        assertThat(steps.whoAmIStatus(otherCode)).isEqualTo(200);
    }

    @Test
    void aWebviewSessionServesManyCallsFromOneSingleUseCodeButNeverOutlivesTheCode() {
        String code = steps.code(permanent, "singleAccess");
        moveMyClock(Duration.ofMinutes(25));
        TestApi.Response opened = api.post("/webview/session").bearer(code).send();
        String session = opened.json().get("token").asString();

        assertThat(opened.json().get("expires_in").asInt()).isBetween(290, 300);
        assertThat(opened.header("Cache-Control")).isEqualTo("no-store");
        assertThat(steps.whoAmIStatus(session)).isEqualTo(200);
        assertThat(steps.whoAmIStatus(session)).isEqualTo(200);
        assertThat(api.post("/webview/session").bearer(code).send().status()).isEqualTo(401);
        assertThat(api.get("/auth/token/code").bearer(session).send().status()).isEqualTo(403);
        moveMyClock(Duration.ofMinutes(5));
        assertThat(steps.whoAmIStatus(session)).isEqualTo(401);
    }

    @Test
    void aWebviewSessionIsNotOpenedWithAPermanentTokenNorAnotherSessionNorExchangedForAToken() {
        String session = webviewSession(steps.code(permanent, "requestAccess"));

        assertThat(api.post("/webview/session").bearer(permanent).send().status()).isEqualTo(401);
        assertThat(api.post("/webview/session").bearer(session).send().status()).isEqualTo(401);
        assertThat(api.post("/auth/token/access").form(client.credentialsAnd(Map.of("code", session))).send().status())
                .isEqualTo(400);
    }

    private String webviewSession(String code) {
        TestApi.Response opened = api.post("/webview/session").bearer(code).send();
        assertThat(opened.status()).as("%s", opened).isEqualTo(200);
        return opened.json().get("token").asString();
    }

    private void moveMyClock(Duration by) {
        TestApi.Response moved = api.post("/users/me/test/clock").bearer(permanent).json(Map.of("advance", by.toString())).send();
        assertThat(moved.status()).as("%s", moved).isEqualTo(200);
    }
}
