package dev.passerelle.server.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.SandboxMode;
import dev.passerelle.server.support.TestApi;
import dev.passerelle.server.support.TestConnector;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The public connector catalogue (docs/protocol.md §2). */
@IntegrationTest
@SandboxMode
class ConnectorsEndpointTest {

    static final String UUID = TestConnector.UUID;

    @Autowired
    TestApi api;

    @Test
    void listShowsTheTestConnectorWithoutTokenAndWithoutExpansions() {
        JsonNode body = api.get("/connectors").send().json();

        JsonNode connector = testConnector(body.get("connectors"));
        assertThat(body.get("total").asInt()).isEqualTo(body.get("connectors").size());
        assertThat(connector.get("id").asInt()).isEqualTo(40);
        assertThat(connector.get("name").asString()).isEqualTo("Connecteur de test");
        assertThat(connector.get("auth_mechanism").asString()).isEqualTo("credentials");
        assertThat(connector.get("available_auth_mechanisms").toString()).isEqualTo("[\"credentials\",\"webauth\"]");
        assertThat(connector.get("capabilities").toString()).contains("bank", "document");
        assertThat(connector.has("sources")).isFalse();
        assertThat(connector.has("fields")).isFalse();
    }

    @Test
    void expandSourcesAndFieldsGivesThemInPriorityOrderWithListValues() {
        JsonNode connector = testConnector(api.get("/connectors?expand=sources,fields,nonsense").send().json().get("connectors"));

        JsonNode sources = connector.get("sources");
        assertThat(sources.get(0).get("name").asString()).isEqualTo("directaccess");
        assertThat(sources.get(0).get("priority").asInt()).isEqualTo(1);
        assertThat(sources.get(0).get("auth_mechanism").asString()).isEqualTo("credentials");
        assertThat(sources.get(1).get("name").asString()).isEqualTo("openapi");
        assertThat(sources.get(1).get("auth_mechanism").asString()).isEqualTo("webauth");
        JsonNode password = field(connector.get("fields"), "password");
        assertThat(password.get("label").asString()).isEqualTo("Code (1234)");
        assertThat(password.get("type").asString()).isEqualTo("password");
        assertThat(password.get("required").asBoolean()).isTrue();
        JsonNode scenarios = field(connector.get("fields"), "openapiwebsite");
        assertThat(scenarios.get("type").asString()).isEqualTo("list");
        assertThat(scenarios.get("connector_sources").toString()).isEqualTo("[\"openapi\"]");
        assertThat(scenarios.get("values").findValuesAsString("value")).contains("par", "pro", "webauthRequired");
    }

    @Test
    void fieldLabelsFollowAcceptLanguageAndStayTheConnectorsOwnWithoutIt() {
        assertThat(loginLabel(null)).isEqualTo("Identifiant");
        assertThat(loginLabel("en-GB,en;q=0.9")).isEqualTo("Login");
        assertThat(loginLabel("fr;q=1, en;q=0.5")).isEqualTo("Identifiant");
        assertThat(loginLabel("de")).isEqualTo("Identifiant");
        assertThat(loginLabel("not a language range")).isEqualTo("Identifiant");

        JsonNode scenario = field(api.get("/connectors?expand=fields").header("Accept-Language", "en").send(), "directaccesswebsite");
        assertThat(scenario.get("label").asString()).isEqualTo("Scenario (directaccess)");
        assertThat(scenario.get("values").get(0).get("label").asString()).isEqualTo("Individuals");
        assertThat(scenario.get("values").get(0).has("labels")).isFalse();
    }

    private String loginLabel(String acceptLanguage) {
        TestApi.Call call = api.get("/connectors?expand=fields");
        if (acceptLanguage != null) {
            call.header("Accept-Language", acceptLanguage);
        }
        return field(call.send(), "login").get("label").asString();
    }

    private JsonNode field(TestApi.Response response, String name) {
        for (JsonNode field : testConnector(response.json().get("connectors")).get("fields")) {
            if (field.get("name").asString().equals(name)) {
                return field;
            }
        }
        throw new AssertionError("no field " + name);
    }

    @Test
    void filtersKeepOnlyMatchingConnectors() {
        assertThat(uuids("/connectors?capabilities=bank,document")).contains(UUID);
        assertThat(uuids("/connectors?capabilities=transfer")).doesNotContain(UUID);
        assertThat(uuids("/connectors?auth_mechanism=webauth")).contains(UUID);
        assertThat(uuids("/connectors?connector_uuids=" + UUID)).containsExactly(UUID);
        assertThat(uuids("/connectors?connector_ids=41")).isEmpty();
        assertThat(uuids("/connectors?country_codes=FR")).contains(UUID);
    }

    @Test
    void anUnknownAuthMechanismFilterIsABadRequest() {
        TestApi.Response response = api.get("/connectors?auth_mechanism=magic").send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("invalidValue");
    }

    @Test
    void oneConnectorByUuidOrDeprecatedIdIsTheSame() {
        JsonNode byUuid = api.get("/connectors/" + UUID).send().json();
        JsonNode byId = api.get("/connectors/40?expand=countries").send().json();

        assertThat(byUuid.get("uuid").asString()).isEqualTo(UUID);
        assertThat(byId.get("uuid").asString()).isEqualTo(UUID);
        assertThat(byId.get("countries").get(0).get("name").asString()).isEqualTo("France");
    }

    @Test
    void anUnknownConnectorIsNotFound() {
        assertThat(api.get("/connectors/99999").send().status()).isEqualTo(404);
        assertThat(api.get("/connectors/not-a-uuid").send().status()).isEqualTo(404);
    }

    @Test
    void fieldsAndSourcesHaveTheirOwnRoutes() {
        JsonNode fields = api.get("/connectors/" + UUID + "/fields").send().json();
        JsonNode sources = api.get("/connectors/40/sources").send().json();
        JsonNode source = api.get("/connectors/40/sources/402").send().json();

        assertThat(fields.get("fields").findValuesAsString("name")).contains("login", "password", "directaccesswebsite");
        assertThat(sources.get("sources").size()).isEqualTo(2);
        assertThat(source.get("name").asString()).isEqualTo("openapi");
        assertThat(source.get("id_connector").asInt()).isEqualTo(40);
    }

    @Test
    void deprecatedBanksAndProvidersAliasesUseTheirOwnListKeys() {
        assertThat(api.get("/banks").send().json().get("banks").findValuesAsString("uuid")).contains(UUID);
        assertThat(api.get("/providers").send().json().get("providers").findValuesAsString("uuid")).contains(UUID);
        assertThat(api.get("/banks/40").send().json().get("uuid").asString()).isEqualTo(UUID);
    }

    private java.util.List<String> uuids(String path) {
        return api.get(path).send().json().get("connectors").findValuesAsString("uuid");
    }

    static JsonNode testConnector(JsonNode connectors) {
        for (JsonNode c : connectors) {
            if (c.get("uuid").asString().equals(UUID)) {
                return c;
            }
        }
        throw new AssertionError("test connector not listed: " + connectors);
    }

    static JsonNode field(JsonNode fields, String name) {
        for (JsonNode f : fields) {
            if (f.get("name").asString().equals(name)) {
                return f;
            }
        }
        throw new AssertionError("no field " + name + " in " + fields);
    }
}
