package dev.passerelle.server.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.SandboxMode;
import dev.passerelle.server.support.TestApi;
import dev.passerelle.server.support.TestConnector;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** Sources switched off by configuration are not published, nor are fields only they use (docs/protocol.md §2). */
@IntegrationTest
@SandboxMode
@TestPropertySource(properties = "passerelle.connectors.disabled-sources." + TestConnector.UUID + "=openapi")
class DisabledSourcesTest {

    @Autowired
    TestApi api;

    @Test
    void aDisabledSourceAndItsOwnFieldsAreNotPublished() {
        JsonNode connector = api.get("/connectors/40?expand=sources,fields").send().json();

        assertThat(connector.get("sources").findValuesAsString("name")).containsExactly("directaccess");
        assertThat(connector.get("fields").findValuesAsString("name")).doesNotContain("openapiwebsite");
        assertThat(api.get("/connectors/40/sources/402").send().status()).isEqualTo(404);
    }
}
