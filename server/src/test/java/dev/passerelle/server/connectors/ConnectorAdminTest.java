package dev.passerelle.server.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.auth.AuthSteps;
import dev.passerelle.server.config.DataDirectory;
import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.SandboxMode;
import dev.passerelle.server.support.TestApi;
import dev.passerelle.server.support.TestUsers;
import dev.passerelle.server.support.TestUsers.TestUser;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Connectors and sources changed at run time with the config token (§2.1 {@code PUT /connectors…}):
 * the catalogue, new connections and the audit log follow at once. A context of its own, as it
 * hides the connectors other tests use.
 */
@IntegrationTest
@SandboxMode
@TestPropertySource(properties = "passerelle.configuration.refresh-interval=0s")
class ConnectorAdminTest {

    static final String UUID = "338178e6-3d01-564f-9a7b-52ca442459bf";
    static final DateTimeFormatter WIRE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Autowired
    TestApi api;
    @Autowired
    TestUsers users;
    @Autowired
    DataDirectory dataDirectory;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ConnectorRegistry registry;

    private String config;
    private TestUser user;

    @BeforeEach
    void setUp() {
        config = AuthSteps.configToken(dataDirectory);
        user = users.permanent();
    }

    @AfterEach
    void publishEverythingAgain() {
        api.put("/connectors/" + UUID).bearer(config).json(Map.of("hidden", false, "sync_periodicity", "")).send();
        api.put("/connectors/40/sources/directaccess").bearer(config).json(Map.of("disabled", false)).send();
    }

    private TestApi.Response addConnection() {
        return api.post("/users/me/connections").bearer(user.token())
                .json(Map.of("connector_uuid", UUID, "login", "l", "password", "1234")).send();
    }

    private TestApi.Response addConnectionThrough(String source) {
        return api.post("/users/me/connections").bearer(user.token())
                .json(Map.of("connector_uuid", UUID, "source", source, "login", "l", "password", "1234")).send();
    }

    private List<String> published(String path, String bearer) {
        TestApi.Call call = api.get(path);
        if (bearer != null) {
            call.bearer(bearer);
        }
        return call.send().json().get("connectors").findValuesAsString("uuid");
    }

    @Test
    void aHiddenConnectorLeavesTheCatalogueAndTakesNoNewConnectionButItsConnectionsKeepSyncing() {
        long connection = addConnection().json().get("id").asLong();

        TestApi.Response hidden = api.put("/connectors/" + UUID).bearer(config).json(Map.of("hidden", true)).send();

        assertThat(hidden.status()).as("%s", hidden).isEqualTo(200);
        assertThat(hidden.json().get("hidden").asBoolean()).isTrue();
        assertThat(published("/connectors", null)).doesNotContain(UUID);
        assertThat(published("/connectors?all", null)).as("?all without the config token").doesNotContain(UUID);
        assertThat(api.get("/connectors/40").send().status()).isEqualTo(404);
        assertThat(addConnection().status()).isEqualTo(400);
        assertThat(api.put("/users/me/connections/" + connection).bearer(user.token()).send().status()).isEqualTo(200);
        JsonNode all = api.get("/connectors?all").bearer(config).send().json();
        assertThat(all.get("connectors").findValuesAsString("uuid")).contains(UUID);
        assertThat(api.get("/connectors/40?all").bearer(config).send().json().get("hidden").asBoolean()).isTrue();

        api.put("/connectors/" + UUID).bearer(config).form(Map.of("hidden", "false")).send();

        assertThat(published("/connectors", null)).contains(UUID);
        assertThat(addConnection().status()).isEqualTo(200);
    }

    @Test
    void thePatchBatchAndTheDeprecatedListOfIdsHideSeveralAtOnce() {
        TestApi.Response patched = api.patch("/connectors").bearer(config).json(Map.of(UUID, Map.of("hidden", true))).send();
        assertThat(patched.status()).as("%s", patched).isEqualTo(200);
        assertThat(patched.json().get("connectors").get(0).get("hidden").asBoolean()).isTrue();
        assertThat(published("/connectors", null)).doesNotContain(UUID);

        TestApi.Response listed = api.put("/connectors/40,40").bearer(config).json(Map.of("hidden", false)).send();
        assertThat(listed.status()).as("%s", listed).isEqualTo(200);
        assertThat(listed.json().get("connectors").size()).isEqualTo(1);
        assertThat(published("/connectors", null)).contains(UUID);
    }

    @Test
    void aDisabledSourceIsNotPublishedNorUsedAndTheConfigTokenSeesSinceWhen() {
        TestApi.Response disabled = api.put("/connectors/" + UUID + "/sources/directaccess").bearer(config)
                .json(Map.of("disabled", true)).send();

        assertThat(disabled.status()).as("%s", disabled).isEqualTo(200);
        assertThat(disabled.json().get("disabled").asString()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
        JsonNode connector = api.get("/connectors/40?expand=sources,fields").send().json();
        assertThat(connector.get("sources").findValuesAsString("name")).containsExactly("openapi");
        assertThat(connector.get("fields").findValuesAsString("name")).doesNotContain("directaccesswebsite");
        assertThat(api.get("/connectors/40/sources/401").send().status()).isEqualTo(404);
        assertThat(addConnectionThrough("directaccess").status()).isEqualTo(400);
        JsonNode all = api.get("/connectors/40/sources?all").bearer(config).send().json().get("sources");
        assertThat(all.findValuesAsString("name")).containsExactly("directaccess", "openapi");
        assertThat(all.get(0).get("disabled").isNull()).isFalse();
        assertThat(all.get(1).get("disabled").isNull()).isTrue();

        api.post("/connectors/40/sources/401").bearer(config).form(Map.of("disabled", "0")).send();

        assertThat(addConnectionThrough("directaccess").status()).isEqualTo(200);
    }

    @Test
    void aConnectorsOwnPeriodicityDecidesTheNextBackgroundSync() {
        api.put("/connectors/" + UUID).bearer(config).json(Map.of("sync_periodicity", 2.5)).send();

        JsonNode connection = addConnection().json();

        Duration between = Duration.between(LocalDateTime.parse(connection.get("last_update").asString(), WIRE),
                LocalDateTime.parse(connection.get("next_try").asString(), WIRE));
        assertThat(between).isEqualTo(Duration.ofHours(60));
    }

    @Test
    void settingsAreSealedAtRestAndTheLogNamesThemWithoutTheirValues() {
        TestApi.Response changed = api.put("/connectors/" + UUID + "/settings").bearer(config)
                .json(Map.of("bank-client-id", "s3cr3t-value", "latency-millis", "5")).send();
        api.put("/connectors/" + UUID + "/settings").bearer(config).json(Map.of("latency-millis", "")).send();
        TestApi.Response settings = api.get("/connectors/" + UUID + "/settings").bearer(config).send();
        api.put("/connectors/" + UUID + "/settings").bearer(config).json(Map.of("bank-client-id", "")).send();

        assertThat(changed.status()).as("%s", changed).isEqualTo(200);
        assertThat(settings.json().get("settings").toString()).isEqualTo("{\"bank-client-id\":\"s3cr3t-value\"}");
        assertThat(jdbc.sql("SELECT settings FROM connector_switch").query(String.class).list())
                .isNotEmpty().noneMatch(sealed -> sealed.contains("s3cr3t"));
        JsonNode logs = api.get("/config/logs?search=settings").bearer(config).send().json().get("configlogs");
        assertThat(logs.findValuesAsString("key")).contains("connector." + UUID + ".settings.bank-client-id",
                "connector." + UUID + ".settings.latency-millis");
        assertThat(logs.findValuesAsString("type")).contains("add", "delete");
        assertThat(logs.toString()).doesNotContain("s3cr3t").doesNotContain("\"5\"");
    }

    /** SettingSpec.Type.SECRET is "masked wherever settings are shown": here, the API and the console's form. */
    @Test
    void aSecretSettingIsShownMaskedAndItsMaskSentBackKeepsTheValue() {
        String settings = "/connectors/" + UUID + "/settings";
        api.put(settings).bearer(config).json(Map.of("bank-client-secret", "s3cr3t-value")).send();
        TestApi.Response shown = api.get(settings).bearer(config).send();
        TestApi.Response resent = api.put(settings).bearer(config)
                .json(Map.of("bank-client-secret", ConnectorAdmin.MASKED, "bank-client-id", "acme")).send();
        Optional<String> effective = registry.findAny(UUID).orElseThrow().settings().secret("bank-client-secret");
        api.put(settings).bearer(config).json(Map.of("bank-client-secret", "", "bank-client-id", "")).send();

        assertThat(shown.json().get("settings").get("bank-client-secret").asString()).isEqualTo("****");
        assertThat(resent.json().get("settings").get("bank-client-secret").asString()).isEqualTo("****");
        assertThat(resent.json().get("settings").get("bank-client-id").asString()).isEqualTo("acme");
        assertThat(effective).contains("s3cr3t-value");
    }

    @Test
    void aSettingTheConnectorWouldRefuseIsRefusedAndNotStored() {
        TestApi.Response refused = api.put("/connectors/" + UUID + "/settings").bearer(config)
                .json(Map.of("bank-url", "not a url")).send();

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("description").asString()).contains("bank-url");
        assertThat(api.get("/connectors/" + UUID + "/settings").bearer(config).send().json().get("settings").has("bank-url"))
                .isFalse();
    }

    @Test
    void hidingAndDisablingAreInTheAuditLog() {
        api.put("/connectors/" + UUID).bearer(config).json(Map.of("hidden", true)).send();
        api.put("/connectors/" + UUID + "/sources/directaccess").bearer(config).json(Map.of("disabled", true)).send();

        JsonNode logs = api.get("/config/logs?search=connector." + UUID + "&limit=2").bearer(config).send().json();

        JsonNode source = logs.get("configlogs").get(0);
        assertThat(source.get("key").asString()).isEqualTo("connector." + UUID + ".source.directaccess.disabled");
        assertThat(source.get("previous_value").asString()).isEqualTo("false");
        assertThat(source.get("new_value").asString()).isEqualTo("true");
        assertThat(source.get("actor").asString()).isEqualTo("config token");
        assertThat(logs.get("configlogs").get(1).get("key").asString()).isEqualTo("connector." + UUID + ".hidden");
    }

    @Test
    void aDateDisablesTheSourceAndAnImpossibleOrMalformedOneIsA400() {
        for (String date : List.of("2026-02-28", "2026-02-28T10:00:00Z", "2026-02-28 10:00:00", "2026-02-28T10:00:00+01:00")) {
            TestApi.Response disabled = api.put("/connectors/" + UUID + "/sources/401").bearer(config)
                    .json(Map.of("disabled", date)).send();

            assertThat(disabled.status()).as("%s → %s", date, disabled).isEqualTo(200);
            assertThat(disabled.json().get("disabled").isNull()).as(date).isFalse();
            api.put("/connectors/" + UUID + "/sources/401").bearer(config).json(Map.of("disabled", false)).send();
        }
        for (String date : List.of("2026-02-30", "2026-13-01", "2026-00-10", "2026-02-28T25:00:00", "2026-02-28T10:61:00Z",
                "2026-02-28garbage", "2026-02-28T10:00:00+25:00")) {
            TestApi.Response refused = api.put("/connectors/" + UUID + "/sources/401").bearer(config)
                    .json(Map.of("disabled", date)).send();

            assertThat(refused.status()).as("%s → %s", date, refused).isEqualTo(400);
            assertThat(refused.json().get("description").asString()).contains("'disabled'").contains("date");
        }
        assertThat(api.get("/connectors/40/sources/401").send().status()).isEqualTo(200);
    }

    @Test
    void badInputIsAClearErrorAndChangesNothing() {
        Map<String, Integer> statuses = new LinkedHashMap<>();
        statuses.put("PUT /connectors/99999 {\"hidden\":true}", 404);
        statuses.put("PUT /connectors/%EF%BC%94%EF%BC%90 {\"hidden\":true}", 404); // 40 in full-width digits names none
        statuses.put("PUT /connectors/" + UUID + " {\"hidden\":\"maybe\"}", 400);
        statuses.put("PUT /connectors/" + UUID + " {}", 400);
        statuses.put("PUT /connectors/" + UUID + " {\"sync_periodicity\":-1}", 400);
        statuses.put("PUT /connectors/" + UUID + " {\"auth_mechanism\":\"webauth\"}", 400);
        // Each field that can fail, beside valid ones: nothing of the request is applied.
        statuses.put("PUT /connectors/" + UUID + " {\"hidden\":true,\"sync_periodicity\":\"abc\"}", 400);
        statuses.put("PUT /connectors/" + UUID + " {\"hidden\":true,\"sync_periodicity\":-1}", 400);
        statuses.put("PUT /connectors/" + UUID + " {\"hidden\":true,\"sync_periodicity\":1000}", 400);
        statuses.put("PUT /connectors/" + UUID + " {\"hidden\":true,\"sync_frequency\":\"abc\"}", 400);
        statuses.put("PUT /connectors/" + UUID + " {\"hidden\":\"maybe\",\"sync_periodicity\":3}", 400);
        statuses.put("PUT /connectors/" + UUID + " {\"hidden\":true,\"auth_mechanism\":\"webauth\"}", 400);
        statuses.put("PUT /connectors/" + UUID + " {\"sync_periodicity\":3,\"auth_mechanism\":\"webauth\"}", 400);
        statuses.put("PUT /connectors/" + UUID + " {\"hidden\":true,\"sync_periodicity\":3,\"auth_mechanism\":\"webauth\"}", 400);
        statuses.put("PUT /connectors/40,99999 {\"hidden\":true,\"sync_periodicity\":3}", 404);
        statuses.put("PUT /connectors/40,40 {\"hidden\":true,\"sync_periodicity\":\"abc\"}", 400);
        statuses.put("POST /connectors/" + UUID + " {\"hidden\":true,\"sync_periodicity\":\"abc\"}", 400);
        statuses.put("PATCH /connectors {\"" + UUID + "\":true}", 400);
        statuses.put("PATCH /connectors {\"nope\":{\"hidden\":true}}", 404);
        statuses.put("PATCH /connectors {\"" + UUID + "\":{\"hidden\":true},\"nope\":{\"hidden\":true}}", 404);
        statuses.put("PATCH /connectors {\"" + UUID + "\":{\"hidden\":true},\"40\":{\"hidden\":\"maybe\"}}", 400);
        statuses.put("PUT /connectors/40/sources/nope {\"disabled\":true}", 404);
        statuses.put("PUT /connectors/40/sources/directaccess {\"disabled\":\"perhaps\"}", 400);
        statuses.put("PUT /connectors/40/sources/401 {\"disabled\":\"2026-02-30\"}", 400);
        statuses.put("PUT /connectors/40/sources/401 {\"disabled\":true,\"auth_mechanism\":\"webauth\"}", 400);
        statuses.put("PUT /connectors/40/settings {\"Bad Name\":\"x\"}", 400);
        statuses.put("PUT /connectors/40/settings {\"latency-millis\":\"-5\"}", 400);
        statuses.put("PUT /connectors/40/settings {\"nope\":\"1\"}", 400);
        statuses.put("PUT /connectors/40/settings {\"latency-millis\":\"1\",\"nope\":\"1\"}", 400);
        statuses.put("PUT /connectors/40/settings {\"latency-millis\":\"1\",\"latency-jitter-millis\":\"-1\"}", 400);
        long logged = api.get("/config/logs").bearer(config).send().json().get("total").asLong();

        statuses.forEach((call, status) -> {
            String[] parts = call.split(" ", 3);
            TestApi.Call request = api.method(parts[0], parts[1]);
            TestApi.Response response = request.bearer(config).raw("application/json", parts[2]).send();
            assertThat(response.status()).as("%s → %s", call, response).isEqualTo(status);
            assertThat(response.json().get("description").asString()).isNotBlank();
        });
        assertThat(published("/connectors", null)).contains(UUID);
        assertThat(api.get("/config/logs").bearer(config).send().json().get("total").asLong()).isEqualTo(logged);
        JsonNode connector = api.get("/connectors/40?all&expand=sources").bearer(config).send().json();
        assertThat(connector.get("hidden").asBoolean()).isFalse();
        assertThat(connector.get("sources").get(0).get("disabled").isNull()).isTrue();
        assertThat(api.get("/connectors/" + UUID + "/settings").bearer(config).send().json().get("settings").size()).isZero();
    }
}
