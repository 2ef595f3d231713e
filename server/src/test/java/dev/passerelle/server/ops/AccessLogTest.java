package dev.passerelle.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.support.CapturesLogs;
import dev.passerelle.server.support.TestApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;

/**
 * With {@code passerelle.access-log.enabled=true} each request is one line on {@code passerelle.access}:
 * method, path, status, duration; never the query string, where codes and secrets travel.
 */
@OpsIntegrationTest
@CapturesLogs
class AccessLogTest {

    @Autowired
    TestApi api;

    @Test
    void aRequestIsLoggedWithItsPathAndStatusButNotItsQueryString(CapturedOutput output) {
        TestApi.Response answered = api.get("/auth/token/code?code=SECRET-CODE-42&client_secret=TOPSECRET").send();

        String line = output.getAll().lines().filter(l -> l.contains(AccessLog.LOGGER))
                .filter(l -> l.contains("/auth/token/code")).findFirst().orElseThrow();
        assertThat(line).contains("GET /2.0/auth/token/code " + answered.status() + " ");
        assertThat(output.getAll()).doesNotContain("SECRET-CODE-42").doesNotContain("TOPSECRET");
    }

    @Test
    void aRequestThatFailsIsLoggedWithItsErrorStatus(CapturedOutput output) {
        api.get("/users/me/connections?state=x").send();

        assertThat(output.getAll().lines().filter(l -> l.contains(AccessLog.LOGGER)))
                .anyMatch(l -> l.contains("GET /2.0/users/me/connections 401 "));
    }
}
