package dev.passerelle.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.TestApi;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class AuthCodeTest extends AuthEndpointTestBase {

    private String permanentToken;

    @BeforeEach
    void setUp() {
        permanentToken = steps.permanentUser(client).get("auth_token").asString();
    }

    @Test
    void codeDefaultsToRequestAccessWithStandardAccessFor1800Seconds() {
        JsonNode body = api.get("/auth/token/code").bearer(permanentToken).send().json();

        assertThat(body.get("code").asString()).isNotBlank();
        assertThat(body.get("type").asString()).isEqualTo("temporary");
        assertThat(body.get("access").asString()).isEqualTo("standard");
        assertThat(body.get("expires_in").asInt()).isEqualTo(1800);
    }

    @Test
    void singleAccessCodeReportsSingleAccess() {
        JsonNode body = api.get("/auth/token/code?type=singleAccess").bearer(permanentToken).send().json();

        assertThat(body.get("access").asString()).isEqualTo("single");
    }

    @Test
    void codeCanBeRequestedByPostWithTypeInTheBody() {
        TestApi.Response response = api.post("/auth/token/code").bearer(permanentToken)
                .form(Map.of("type", "singleAccess")).send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("access").asString()).isEqualTo("single");
    }

    @Test
    void unknownCodeTypeIsInvalidValue() {
        TestApi.Response response = api.get("/auth/token/code?type=sharedAccess").bearer(permanentToken).send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("invalidValue");
    }

    @Test
    void codeNeedsAUserToken() {
        assertThat(api.get("/auth/token/code").send().status()).isEqualTo(401);
        assertThat(api.get("/auth/token/code").bearer(AuthSteps.configToken(dataDirectory)).send().status())
                .isEqualTo(403);
    }

    @Test
    void requestAccessCodeIsReusableAsBearer() {
        String code = steps.code(permanentToken, "requestAccess");

        assertThat(steps.whoAmIStatus(code)).isEqualTo(200);
        assertThat(steps.whoAmIStatus(code)).isEqualTo(200);
    }

    @Test
    void singleAccessCodeIsUsableOnceAsBearer() {
        String code = steps.code(permanentToken, "singleAccess");

        assertThat(steps.whoAmIStatus(code)).isEqualTo(200);
        assertThat(steps.whoAmIStatus(code)).isEqualTo(401);
    }

    @Test
    void codeExpiresAfterThirtyMinutes() {
        String code = steps.code(permanentToken, "requestAccess");

        clock.advance(Duration.ofMinutes(30));

        assertThat(steps.whoAmIStatus(code)).isEqualTo(401);
    }
}
