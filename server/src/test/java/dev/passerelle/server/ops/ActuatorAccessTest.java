package dev.passerelle.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.auth.AuthSteps;
import dev.passerelle.server.config.DataDirectory;
import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.TestApi;
import dev.passerelle.server.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * On the API's port the metrics, and any actuator endpoint but the health probes, need the config
 * token, however the path is spelt; the probes stay public (docs/operations.md, "Metrics").
 */
@IntegrationTest
class ActuatorAccessTest {

    @Autowired
    TestApi api;
    @Autowired
    TestUsers users;
    @Autowired
    DataDirectory dataDirectory;

    @Test
    void metricsWithoutATokenAreRefusedWith401InTheEnvelope() {
        TestApi.Response response = api.get("/actuator/prometheus").send();

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("code").asString()).isEqualTo("unauthorized");
        assertThat(response.json().get("description").asString()).contains("Bearer");
        assertThat(response.text()).doesNotContain("jvm_", "http_server_");
    }

    @Test
    void metricsWithAUserTokenAreForbidden() {
        TestApi.Response response = api.get("/actuator/prometheus").bearer(users.permanent().token()).send();

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("code").asString()).isEqualTo("forbidden");
        assertThat(response.text()).doesNotContain("jvm_");
    }

    @Test
    void metricsWithAnUnknownTokenAreRefused() {
        TestApi.Response response = api.get("/actuator/prometheus").bearer("not-a-token").send();

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.text()).doesNotContain("jvm_");
    }

    @Test
    void metricsWithTheConfigTokenAreServed() {
        TestApi.Response response = api.get("/actuator/prometheus").bearer(AuthSteps.configToken(dataDirectory)).send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text()).contains("jvm_memory_used_bytes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"})
    void healthProbesNeedNoToken(String probe) {
        assertThat(api.get(probe).send().status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator", "/actuator/", "/actuator;x/prometheus", "/%61ctuator/prometheus",
            "/actuator/%70rometheus", "//actuator/prometheus", "/actuator/prometheus;x", "/actuator/info",
            "/actuator/health/../prometheus", "/actuator/health/%2e%2e/prometheus"})
    void noOtherSpellingReachesTheActuatorWithoutAToken(String path) {
        TestApi.RawResponse response = api.raw("GET /2.0" + path + " HTTP/1.1\r\nHost: localhost");

        assertThat(response.status()).as(path).isIn(400, 401, 404);
        assertThat(response.body()).as(path).doesNotContain("jvm_", "_links");
    }
}
