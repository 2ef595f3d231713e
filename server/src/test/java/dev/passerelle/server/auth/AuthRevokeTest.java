package dev.passerelle.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.clients.ClientApplications;
import dev.passerelle.server.clients.TestClient;
import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.MutableClock;
import dev.passerelle.server.support.TestApi;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class AuthRevokeTest {

    @Autowired
    TestApi api;
    @Autowired
    ClientApplications clients;
    @Autowired
    MutableClock clock;

    private TestClient client;
    private AuthSteps steps;

    @BeforeEach
    void setUp() {
        clock.advance(Duration.ofMinutes(1)); // a full /auth rate-limit bucket: every test class calls from 127.0.0.1
        client = TestClient.registerIn(clients);
        steps = new AuthSteps(api);
    }

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
