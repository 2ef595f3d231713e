package dev.passerelle.server.sandboxbank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.runtime.host.SourceSwitch;
import dev.passerelle.server.auth.AuthSteps;
import dev.passerelle.server.config.DataDirectory;
import dev.passerelle.server.connectors.ConnectorRegistry;
import dev.passerelle.server.connectors.ConnectorRegistry.ConnectorsProperties;
import dev.passerelle.server.connectors.ConnectorSwitches;
import dev.passerelle.server.support.CapturesLogs;
import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.TestApi;
import dev.passerelle.server.support.TestConnector;
import dev.passerelle.server.support.TestUsers;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import tools.jackson.databind.JsonNode;

/** A default install (sandbox mode off) serves no sandbox bank, and says so for the test connector's redirect source. */
@IntegrationTest
@CapturesLogs
class SandboxModeOffTest {

    @Autowired
    TestApi api;
    @Autowired
    TestUsers users;
    @Autowired
    ConnectorSwitches switches;
    @Autowired
    ConnectorsProperties connectorsProperties;
    @Autowired
    DataDirectory dataDirectory;
    @Autowired
    Clock clock;

    @Test
    void theSandboxBankIsNotServed() {
        assertThat(api.get("/sandbox/bank/authorize?response_type=code&client_id=passerelle-testbank").send().status())
                .isEqualTo(404);
        assertThat(api.post("/sandbox/bank/token").form(Map.of("grant_type", "authorization_code", "code", "x",
                "redirect_uri", "y", "client_id", "passerelle-testbank", "client_secret", "sandbox-secret")).send().status())
                .isEqualTo(404);
    }

    @Test
    void theTestConnectorsRedirectSourceIsNeitherPublishedNorUsable() {
        JsonNode connector = api.get("/connectors/40?expand=sources,fields").send().json();
        TestApi.Response added = api.post("/users/me/connections").bearer(users.permanent().token())
                .json(TestConnector.fields("par").without("directaccesswebsite").with("source", "openapi").with("login", "l").map())
                .send();

        assertThat(connector.get("sources").findValuesAsString("name")).containsExactly("directaccess");
        assertThat(connector.get("fields").findValuesAsString("name")).doesNotContain("openapiwebsite");
        assertThat(api.get("/connectors/40/sources/402").send().status()).isEqualTo(404);
        assertThat(added.status()).as("%s", added).isBetween(400, 499);
    }

    @Test
    void anOperatorCannotEnableTheSourceButPointingItAtAnotherBankTurnsItOnWithoutRestart() {
        String config = AuthSteps.configToken(dataDirectory);

        TestApi.Response enabled = api.put("/connectors/40/sources/openapi").bearer(config)
                .json(Map.of("disabled", false)).send();
        assertThat(enabled.status()).as("%s", enabled).isEqualTo(409);
        assertThat(enabled.json().get("description").asString()).contains("passerelle.sandbox.enabled=true");

        api.put("/connectors/40/settings").bearer(config).json(Map.of("bank-url", "https://bank.example/psd2")).send();
        try {
            assertThat(api.get("/connectors/40?expand=sources").send().json().get("sources").findValuesAsString("name"))
                    .containsExactly("directaccess", "openapi");
        } finally {
            api.put("/connectors/40/settings").bearer(config).json(Map.of("bank-url", "")).send();
        }
        assertThat(api.get("/connectors/40?expand=sources").send().json().get("sources").findValuesAsString("name"))
                .containsExactly("directaccess");
    }

    @Test
    void theStartUpLogSaysWhyTheSourceIsOffAndHowToEnableSandboxMode(CapturedOutput output) {
        new ConnectorRegistry(connectorsProperties, clock, switches);

        assertThat(output.getAll()).contains("Source 'openapi' of Connecteur de test is disabled")
                .contains("passerelle.sandbox.enabled=true");
    }
}
