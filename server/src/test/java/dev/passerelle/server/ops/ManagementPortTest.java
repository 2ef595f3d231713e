package dev.passerelle.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.auth.AuthSteps;
import dev.passerelle.server.config.DataDirectory;
import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.TestApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.context.TestPropertySource;

/**
 * With a management port, the actuator moves there, without the API's prefix and without a token:
 * that port is for the operator's network (the Kubernetes manifests' 9090); the API's port serves no
 * actuator at all (docs/operations.md, "Metrics").
 */
@IntegrationTest
@TestPropertySource(properties = "management.server.port=0")
class ManagementPortTest {

    @Autowired
    TestApi api;
    @Autowired
    DataDirectory dataDirectory;
    @LocalManagementPort
    int managementPort;

    @Test
    void metricsAreServedOnTheManagementPortWithoutAToken() {
        TestApi.Response response = new TestApi("http://localhost:" + managementPort).get("/actuator/prometheus").send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text()).contains("jvm_memory_used_bytes");
    }

    @Test
    void theApiPortThenServesNoActuator() {
        String configToken = AuthSteps.configToken(dataDirectory);
        assertThat(api.get("/actuator/prometheus").bearer(configToken).send().status()).isEqualTo(404);
        assertThat(api.get("/actuator/health").send().status()).isEqualTo(404);
    }
}
