package dev.passerelle.server.domainconfig;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.auth.AuthSteps;
import dev.passerelle.server.config.DataDirectory;
import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.TestApi;
import dev.passerelle.server.support.TestUsers;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * {@code /config} (§12 "Domain configuration"): typed keys with their defaults, set all or none,
 * effective at once, audited in {@code /config/logs}. A context of its own, as it changes the domain.
 */
@IntegrationTest
@TestPropertySource(properties = "passerelle.configuration.refresh-interval=0s")
class DomainConfigTest {

    static final String UUID = "338178e6-3d01-564f-9a7b-52ca442459bf";

    @Autowired
    TestApi api;
    @Autowired
    TestUsers users;
    @Autowired
    DataDirectory dataDirectory;
    @Autowired
    JdbcClient jdbc;

    private String config;

    @BeforeEach
    void setUp() {
        config = AuthSteps.configToken(dataDirectory);
    }

    @AfterEach
    void defaultsAgain() {
        api.get("/config").bearer(config).send().json().propertyNames()
                .forEach(key -> api.post("/config").bearer(config).json(Map.of(key, "")).send());
    }

    private TestApi.Response set(Map<String, ?> values) {
        return api.post("/config").bearer(config).json(values).send();
    }

    @Test
    void everyKeyIsListedWithItsTypedDefault() {
        JsonNode keys = api.get("/config").bearer(config).send().json();

        assertThat(keys.get("connection.disable_new").isBoolean()).isTrue();
        assertThat(keys.get("connection.disable_new").asBoolean()).isFalse();
        assertThat(keys.get("consent.validity_days").asLong()).isEqualTo(180);
        assertThat(keys.get("users.temporary_lifetime_minutes").asLong()).isEqualTo(30);
        assertThat(keys.get("webhooks.timeout_seconds").asLong()).isEqualTo(10);
        assertThat(keys.get("webhooks.failures_per_run").asLong()).isEqualTo(10);
        assertThat(keys.get("sync_periodicity").isNull()).isTrue();
        assertThat(api.get("/config?search=WEBHOOKS").bearer(config).send().json().propertyNames())
                .isNotEmpty().allMatch(key -> key.startsWith("webhooks."));
    }

    @Test
    void valuesAreReadFromAnyEncodingAndShownTyped() {
        TestApi.Response json = set(Map.of("consent.validity_days", 90, "connection.disable_new", true));
        TestApi.Response form = api.post("/config").bearer(config)
                .form(Map.of("sync_periodicity", "0.5", "search", "sync")).send();

        assertThat(json.status()).as("%s", json).isEqualTo(200);
        assertThat(json.json().get("consent.validity_days").asLong()).isEqualTo(90);
        assertThat(json.json().get("connection.disable_new").asBoolean()).isTrue();
        assertThat(form.json().propertyNames()).containsExactly("sync_periodicity");
        assertThat(form.json().get("sync_periodicity").decimalValue()).isEqualByComparingTo("0.5");
    }

    @Test
    void anUnknownKeyIsRefusedWithTheKnownOnesAndNothingIsChanged() {
        TestApi.Response response = set(Map.of("consent.validity_days", 90, "autosync.magic", 1));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("description").asString()).contains("Unknown configuration key 'autosync.magic'")
                .contains("consent.validity_days", "webhooks.timeout_seconds");
        assertThat(api.get("/config").bearer(config).send().json().get("consent.validity_days").asLong()).isEqualTo(180);
    }

    @Test
    void anInvalidValueNamesTheRuleAndNothingIsChanged() {
        Map<Map<String, ?>, String> refused = Map.of(
                Map.of("webhooks.timeout_seconds", 0), "a whole number of seconds from 1 to 60",
                Map.of("webhooks.timeout_seconds", "ten"), "a whole number of seconds from 1 to 60",
                Map.of("users.temporary_lifetime_minutes", 5), "from 30 to 10080",
                Map.of("connection.disable_new", "maybe"), "true or false",
                Map.of("sync_periodicity", "1e9"), "a number from 0.01 to 365",
                Map.of("consent.validity_days", 90, "webhooks.failures_per_run", 1.5), "'webhooks.failures_per_run'");

        refused.forEach((values, rule) -> {
            TestApi.Response response = set(values);
            assertThat(response.status()).as("%s → %s", values, response).isEqualTo(400);
            assertThat(response.json().get("description").asString()).contains(rule);
        });
        assertThat(set(Map.of()).status()).isEqualTo(400);
        assertThat(api.get("/config").bearer(config).send().json().get("consent.validity_days").asLong()).isEqualTo(180);
    }

    @Test
    void disablingNewConnectionsRefusesThemWithAClearErrorWhileExistingOnesSync() {
        String token = users.permanent().token();
        long connection = api.post("/users/me/connections").bearer(token)
                .json(Map.of("connector_uuid", UUID, "login", "l", "password", "1234")).send().json().get("id").asLong();

        set(Map.of("connection.disable_new", "1"));

        TestApi.Response refused = api.post("/users/me/connections").bearer(token)
                .json(Map.of("connector_uuid", UUID, "login", "l", "password", "1234")).send();
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("description").asString()).contains("connection.disable_new");
        assertThat(api.put("/users/me/connections/" + connection).bearer(token).send().status()).isEqualTo(200);
    }

    @Test
    void aTemporaryUserLivesAsLongAsTheDomainSays() {
        set(Map.of("users.temporary_lifetime_minutes", 120));

        long id = api.post("/auth/init").send().json().get("id_user").asLong();

        // Read as OffsetDateTime by the driver: H2 and PostgreSQL hand back different types from getObject(int).
        Duration lifetime = jdbc.sql("SELECT signin, temporary_until FROM app_user WHERE id = :id").param("id", id)
                .query((rs, row) -> Duration.between(rs.getObject(1, OffsetDateTime.class), rs.getObject(2, OffsetDateTime.class)))
                .single();
        assertThat(lifetime)
                .isGreaterThan(Duration.ofMinutes(119)).isLessThanOrEqualTo(Duration.ofMinutes(120));
    }

    @Test
    void theAuditLogTellsWhoChangedWhatWhenFromWhatToWhat() {
        set(Map.of("webhooks.timeout_seconds", 20));
        set(Map.of("webhooks.timeout_seconds", "30"));
        set(Map.of("webhooks.timeout_seconds", ""));

        JsonNode logs = api.get("/config/logs?search=webhooks.timeout").bearer(config).send().json();

        assertThat(logs.get("total").asLong()).isEqualTo(3);
        JsonNode entries = logs.get("configlogs");
        assertThat(entries.findValuesAsString("type")).containsExactly("delete", "update", "add");
        assertThat(entries.get(1).get("previous_value").asString()).isEqualTo("20");
        assertThat(entries.get(1).get("new_value").asString()).isEqualTo("30");
        assertThat(entries.get(0).get("new_value").isNull()).isTrue();
        assertThat(entries.get(2).get("actor").asString()).isEqualTo("config token");
        assertThat(entries.get(2).get("timestamp").asString()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
        assertThat(api.get("/config/logs?search=webhooks.timeout&type=update").bearer(config).send().json()
                .get("total").asLong()).isEqualTo(1);
        assertThat(api.get("/config/logs?search=webhooks.timeout&limit=1&offset=2").bearer(config).send().json()
                .get("configlogs").findValuesAsString("type")).containsExactly("add");
        assertThat(api.get("/config/logs?search=webhooks.timeout&max_date=2000-01-01").bearer(config).send().json()
                .get("total").asLong()).isZero();
        assertThat(api.get("/config/logs?search=webhooks.timeout&min_date=2000").bearer(config).send().json()
                .get("total").asLong()).isEqualTo(3);
    }

    @Test
    void badLogFiltersAreClearErrors() {
        assertThat(api.get("/config/logs?type=rename").bearer(config).send().status()).isEqualTo(400);
        assertThat(api.get("/config/logs?min_date=yesterday").bearer(config).send().status()).isEqualTo(400);
        assertThat(api.get("/config/logs?limit=0").bearer(config).send().status()).isEqualTo(400);
    }
}
