package dev.passerelle.server.clients;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.auth.AuthSteps;
import dev.passerelle.server.config.DataDirectory;
import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.TestApi;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** {@code /clients} with the config token: Powens' client applications at run time. */
@IntegrationTest
class ClientsApiTest {

    static final String CALLBACK = "https://integrator.example/callback";

    @Autowired
    TestApi api;
    @Autowired
    DataDirectory dataDirectory;
    @Autowired
    JdbcClient jdbc;

    private String config;

    @BeforeEach
    void setUp() {
        config = AuthSteps.configToken(dataDirectory);
    }

    private JsonNode created(Map<String, ?> body) {
        TestApi.Response response = api.post("/clients").bearer(config).json(body).send();
        assertThat(response.status()).as("%s", response).isEqualTo(201);
        return response.json();
    }

    private TestApi.Response init(long clientId, String secret) {
        return api.post("/auth/init").form(Map.of("client_id", Long.toString(clientId), "client_secret", secret)).send();
    }

    @Test
    void aCreatedClientShowsItsSecretOnceAndItsUsersSignUpWithIt() {
        JsonNode client = created(Map.of("name", "Acme", "redirect_uris", List.of(CALLBACK)));
        long id = client.get("id").asLong();

        assertThat(Long.toString(id)).hasSize(8);
        assertThat(client.get("name").asString()).isEqualTo("Acme");
        assertThat(client.get("redirect_uris").get(0).asString()).isEqualTo(CALLBACK);
        assertThat(init(id, client.get("secret").asString()).status()).isEqualTo(200);
        JsonNode read = api.get("/clients/" + id).bearer(config).send().json();
        assertThat(read.has("secret")).isFalse();
        assertThat(read.get("name").asString()).isEqualTo("Acme");
        assertThat(api.get("/clients").bearer(config).send().json().get("clients").findValuesAsString("name"))
                .contains("Acme");
    }

    @Test
    void onlyABcryptHashOfTheSecretIsStored() {
        JsonNode client = created(Map.of("name", "Hashed"));

        String stored = jdbc.sql("SELECT secret_hash FROM client_application WHERE id = :id")
                .param("id", client.get("id").asLong()).query(String.class).single();
        assertThat(stored).startsWith("$2b$").doesNotContain(client.get("secret").asString());
    }

    @Test
    void formBodiesSetTheWebviewBrandingAsTopLevelFields() {
        TestApi.Response response = api.post("/clients").bearer(config).form(Map.of("name", "Form Co",
                "redirect_uris", CALLBACK + "\nmyapp://done", "primary_color", "#f45b9a", "display_name", "Form Co Bank Link",
                "privacy_url", "https://integrator.example/privacy", "use_app_layout", "true")).send();

        assertThat(response.status()).as("%s", response).isEqualTo(201);
        JsonNode client = response.json();
        assertThat(client.get("redirect_uris").valueStream().map(JsonNode::asString).toList())
                .containsExactly(CALLBACK, "myapp://done");
        assertThat(client.get("primary_color").asString()).isEqualTo("F45B9A");
        assertThat(client.get("config").get("display_name").asString()).isEqualTo("Form Co Bank Link");
        assertThat(client.get("config").get("use_app_layout").asBoolean()).isTrue();
        assertThat(client.get("config").get("disable_connector_hints").asBoolean()).isFalse();
    }

    @Test
    void updatingMergesTheConfigUnlessAskedToReplaceIt() {
        long id = created(Map.of("name", "Merge", "config", Map.of("display_name", "Merge", "consent_text", "I agree")))
                .get("id").asLong();

        JsonNode merged = api.put("/clients/" + id).bearer(config)
                .json(Map.of("config", Map.of("logo_url", "https://cdn.integrator.example/logo.png"))).send().json();
        JsonNode replaced = api.post("/clients/" + id).bearer(config)
                .json(Map.of("config", "{\"display_name\": \"Only\"}", "update_config", false)).send().json();

        assertThat(merged.get("config").get("consent_text").asString()).isEqualTo("I agree");
        assertThat(merged.get("config").get("logo_url").asString()).isEqualTo("https://cdn.integrator.example/logo.png");
        assertThat(replaced.get("config").get("display_name").asString()).isEqualTo("Only");
        assertThat(replaced.get("config").get("consent_text").isNull()).isTrue();
        assertThat(replaced.get("name").asString()).isEqualTo("Merge");
    }

    @Test
    void rotatingTheSecretShowsTheNewOneAndRetiresTheOld() {
        JsonNode client = created(Map.of("name", "Rotate"));
        long id = client.get("id").asLong();

        JsonNode rotated = api.put("/clients/" + id).bearer(config).json(Map.of("secret", true)).send().json();

        String secret = rotated.get("secret").asString();
        assertThat(secret).isNotBlank().isNotEqualTo(client.get("secret").asString());
        assertThat(init(id, client.get("secret").asString()).status()).isEqualTo(401);
        assertThat(init(id, secret).status()).isEqualTo(200);
    }

    @Test
    void deletingAClientRetiresItsSecretTokensAndWebhooksButKeepsItsUsers() {
        JsonNode client = created(Map.of("name", "Leaving", "redirect_uris", List.of(CALLBACK)));
        long id = client.get("id").asLong();
        JsonNode user = init(id, client.get("secret").asString()).json();
        String token = user.get("auth_token").asString();
        assertThat(api.post("/webhooks").bearer(config).json(Map.of("url", "http://127.0.0.1:9/hooks",
                "events", "USER_CREATED", "id_client", id)).send().status()).isEqualTo(201);

        assertThat(api.delete("/clients/" + id).bearer(config).send().status()).isEqualTo(204);

        assertThat(api.get("/clients/" + id).bearer(config).send().status()).isEqualTo(404);
        assertThat(init(id, client.get("secret").asString()).status()).isEqualTo(401);
        assertThat(api.get("/users/me").bearer(token).send().status()).isEqualTo(401);
        assertThat(api.get("/users/" + user.get("id_user").asLong()).bearer(config).send().status()).isEqualTo(200);
        assertThat(api.get("/webhooks").bearer(config).send().json().get("webhooks").findValuesAsString("id_client"))
                .doesNotContain(Long.toString(id));
        assertThat(api.put("/clients/" + id).bearer(config).json(Map.of("name", "Back")).send().status()).isEqualTo(404);
    }

    @Test
    void aDeletedClientsIdIsNeverGivenAgain() {
        long id = created(Map.of("name", "Gone")).get("id").asLong();
        api.delete("/clients/" + id).bearer(config).send();

        assertThat(jdbc.sql("SELECT COUNT(*) FROM client_application WHERE id = :id").param("id", id)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void invalidSettingsAreRefusedWithTheRuleTheyBreakAndNothingIsStored() {
        Map<Map<String, ?>, String> refused = Map.of(
                Map.of("name", "x", "redirect_uris", List.of("http://integrator.example/cb")), "use https://",
                Map.of("name", "x", "redirect_uris", List.of("javascript:alert(1)")), "is not an absolute URL",
                Map.of("name", "x", "redirect_uris", List.of("https://integrator.example/cb?next=1")), "query string",
                Map.of("name", "x", "redirect_uris", List.of("https://integrator.example/cb#frag")), "fragment",
                Map.of("name", "x", "primary_color", "red"), "hexadecimal colour",
                Map.of("name", "x", "config", Map.of("theme", "dark")), "Unknown 'config' key 'theme'",
                Map.of("name", "x", "config", "[1]"), "must be a JSON object",
                Map.of("name", "x".repeat(201)), "'name' is 1 to 200 characters",
                Map.of("name", "x", "config", Map.of("logo_url", "data:image/png;base64,AAAA")), "is not an absolute URL");
        long before = count();

        refused.forEach((body, message) -> {
            TestApi.Response response = api.post("/clients").bearer(config).json(body).send();
            assertThat(response.status()).as("%s → %s", body, response).isEqualTo(400);
            assertThat(response.json().get("code").asString()).isEqualTo("invalidValue");
            assertThat(response.json().get("description").asString()).as("%s", body).contains(message);
        });
        assertThat(count()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "https://integrator.example:99999/cb | has the port 99999; a port is 1 to 65535",
            "https://integrator.example:0/cb | has the port 0",
            "https://integrator.example:99999999999/cb | has the port 99999999999",
            "myapp://done:70000 | has the port 70000",
            "https://integrator_example/cb | 'integrator_example' is no host name or IP address",
            "https://999.1.1.1/cb | is no host name or IP address"})
    void aRedirectUriNoBrowserCanBeSentToIsRefusedWhenCreatedOrUpdated(String uri, String message) {
        long id = created(Map.of("name", "x", "redirect_uris", List.of(CALLBACK))).get("id").asLong();
        long before = count();

        TestApi.Response create = api.post("/clients").bearer(config).json(Map.of("name", "x", "redirect_uris", List.of(uri))).send();
        TestApi.Response update = api.put("/clients/" + id).bearer(config).json(Map.of("redirect_uris", List.of(uri))).send();

        for (TestApi.Response response : List.of(create, update)) {
            assertThat(response.status()).as("%s", response).isEqualTo(400);
            assertThat(response.json().get("code").asString()).isEqualTo("invalidValue");
            assertThat(response.json().get("description").asString()).contains(message);
        }
        assertThat(count()).isEqualTo(before);
        assertThat(api.get("/clients/" + id).bearer(config).send().json().get("redirect_uris").get(0).asString()).isEqualTo(CALLBACK);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"https://integrator.example:65535/cb", "https://integrator.example:1/cb", "https://integrator.example:/cb",
            "https://[::1]:8443/cb", "http://[::1]/cb", "myapp://done"})
    void aRedirectUriWithAPortInRangeOrNoneIsAccepted(String uri) {
        assertThat(created(Map.of("name", "x", "redirect_uris", List.of(uri))).get("redirect_uris").get(0).asString()).isEqualTo(uri);
    }

    @Test
    void aNameThatIsNoTextIsRefusedAndNothingIsStored() {
        long before = count();

        for (Object name : List.of(Map.of("x", 1), List.of("x"))) {
            TestApi.Response response = api.post("/clients").bearer(config).json(Map.of("name", name)).send();
            assertThat(response.status()).as("%s → %s", name, response).isEqualTo(400);
            assertThat(response.json().get("description").asString()).isEqualTo("'name' must be a string, number or boolean");
        }
        TestApi.Response halfPair = api.post("/clients").bearer(config).raw("application/json", "{\"name\": \"a\\ud800b\"}").send();
        assertThat(halfPair.status()).as("%s", halfPair).isEqualTo(400);
        assertThat(halfPair.json().get("description").asString()).contains("surrogate pairs");
        assertThat(count()).isEqualTo(before);
    }

    @ParameterizedTest(name = "part Content-Type {0}")
    @CsvSource(value = {"(none), caf\u00e9", "text/plain; charset=ISO-8859-1, caf\u00e9", "text/plain; charset=ISO-8859-1, cafe"},
            nullValues = "(none)")
    void aMultipartNameNotInUtf8IsRefusedAndNothingIsStored(String partType, String name) {
        long before = count();

        TestApi.Response response = api.post("/clients").bearer(config)
                .raw("multipart/form-data; boundary=b0undary", namePart(partType, name.getBytes(StandardCharsets.ISO_8859_1))).send();

        assertThat(response.status()).as("%s", response).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("invalidValue");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aMultipartNameInUtf8IsStoredAsSent() {
        TestApi.Response response = api.post("/clients").bearer(config)
                .raw("multipart/form-data; boundary=b0undary", namePart("text/plain; charset=UTF-8",
                        "Caf\u00e9 \uD83D\uDCB6".getBytes(StandardCharsets.UTF_8))).send();

        assertThat(response.status()).as("%s", response).isEqualTo(201);
        assertThat(response.json().get("name").asString()).isEqualTo("Caf\u00e9 \uD83D\uDCB6");
    }

    private static byte[] namePart(String partType, byte[] value) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--b0undary\r\nContent-Disposition: form-data; name=\"name\"\r\n"
                + (partType == null ? "" : "Content-Type: " + partType + "\r\n") + "\r\n").getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(value);
        body.writeBytes("\r\n--b0undary--\r\n".getBytes(StandardCharsets.US_ASCII));
        return body.toByteArray();
    }

    @Test
    void answersCarryingTheSecretAreNeverStored() {
        TestApi.Response created = api.post("/clients").bearer(config).json(Map.of("name", "Secretive")).send();
        long id = created.json().get("id").asLong();
        TestApi.Response rotated = api.put("/clients/" + id).bearer(config).json(Map.of("secret", "true")).send();

        for (TestApi.Response answer : List.of(created, rotated)) {
            assertThat(answer.json().get("secret").asString()).as("%s", answer).isNotBlank();
            assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
            assertThat(answer.header("Pragma")).isEqualTo("no-cache");
        }
    }

    @Test
    void anUnknownClientIsNotFound() {
        assertThat(api.get("/clients/1").bearer(config).send().status()).isEqualTo(404);
        assertThat(api.get("/clients/abc").bearer(config).send().status()).isEqualTo(404);
        assertThat(api.delete("/clients/1").bearer(config).send().status()).isEqualTo(404);
    }

    @Test
    void everyChangeIsInTheAuditLogWithoutTheSecret() {
        JsonNode client = created(Map.of("name", "Audited"));
        long id = client.get("id").asLong();
        api.put("/clients/" + id).bearer(config).json(Map.of("name", "Audited again", "secret", true)).send();
        api.delete("/clients/" + id).bearer(config).send();

        JsonNode logs = api.get("/config/logs?search=client." + id).bearer(config).send().json().get("configlogs");

        assertThat(logs.findValuesAsString("type")).containsExactly("delete", "update", "update", "add");
        assertThat(logs.findValuesAsString("actor")).containsOnly("config token");
        assertThat(logs.get(1).get("key").asString()).isEqualTo("client." + id + ".secret");
        assertThat(logs.get(2).get("previous_value").asString()).contains("\"Audited\"");
        assertThat(logs.get(2).get("new_value").asString()).contains("\"Audited again\"");
        assertThat(logs.toString()).doesNotContain(client.get("secret").asString());
    }

    private long count() {
        return jdbc.sql("SELECT COUNT(*) FROM client_application").query(Long.class).single();
    }
}
