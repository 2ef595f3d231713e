package dev.passerelle.server.testclock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.auth.AuthSteps;
import dev.passerelle.server.config.DataDirectory;
import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.TestApi;
import dev.passerelle.server.support.TestUsers;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Outside sandbox mode there is no test clock. */
@IntegrationTest
class TestClockDisabledTest {

    @Autowired
    private TestApi api;
    @Autowired
    private DataDirectory dataDirectory;
    @Autowired
    private TestUsers users;

    @Test
    void theTestClockDoesNotExistOutsideTheSandbox() {
        TestApi.Response moved = api.post("/test/clock").bearer(AuthSteps.configToken(dataDirectory))
                .json(Map.of("advance", "P1D")).send();

        assertThat(moved.status()).isEqualTo(404);
    }

    @Test
    void aUsersTestClockDoesNotExistOutsideTheSandbox() {
        String token = users.permanent().token();

        TestApi.Response moved = api.post("/users/me/test/clock").bearer(token).json(Map.of("advance", "P1D")).send();
        TestApi.Response shown = api.get("/users/me/test/clock").bearer(token).send();

        assertThat(moved.status()).isEqualTo(404);
        assertThat(shown.status()).isEqualTo(404);
    }
}
