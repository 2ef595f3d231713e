package dev.passerelle.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.support.IntegrationTest;
import org.junit.jupiter.api.Test;

@IntegrationTest
class AuthRevokeTest extends AuthEndpointTestBase {

    @Test
    void deletingTheTokenAnswers204AndTheTokenIsThenUnauthorized() {
        String token = steps.permanentUser(client).get("auth_token").asString();

        assertThat(api.delete("/auth/token").bearer(token).send().status()).isEqualTo(204);

        assertThat(steps.whoAmIStatus(token)).isEqualTo(401);
    }

    @Test
    void deletingOneTokenKeepsTheUsersOtherTokens() {
        String token = steps.permanentUser(client).get("auth_token").asString();
        String code = steps.code(token, "requestAccess");

        api.delete("/auth/token").bearer(code).send();

        assertThat(steps.whoAmIStatus(token)).isEqualTo(200);
    }

    @Test
    void deletingWithoutTokenIsUnauthorized() {
        assertThat(api.delete("/auth/token").send().status()).isEqualTo(401);
    }
}
