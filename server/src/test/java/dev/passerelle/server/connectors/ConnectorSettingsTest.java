package dev.passerelle.server.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.runtime.host.SourceSwitch;
import dev.passerelle.server.api.ApiException;
import dev.passerelle.server.audit.ChangedBy;
import dev.passerelle.server.audit.ConfigChanges;
import dev.passerelle.server.audit.ConfigVersion;
import dev.passerelle.server.auth.AuthSteps;
import dev.passerelle.server.config.DataDirectory;
import dev.passerelle.server.config.PublicUrl;
import dev.passerelle.server.connectors.ConnectorRegistry.ConnectorsProperties;
import dev.passerelle.server.domainconfig.DomainConfig;
import dev.passerelle.server.support.CapturesLogs;
import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.SandboxMode;
import dev.passerelle.server.support.TestApi;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A connector's settings ({@code PUT /connectors/{uuid}/settings}): every value is checked by the
 * connector's own rules before anything is stored, unknown settings are refused, and a value stored
 * earlier that the connector refuses (an older version stored it) neither keeps it from starting nor
 * out of the operator's reach. The context of {@link ConnectorAdminTest}.
 */
@IntegrationTest
@SandboxMode
@CapturesLogs
@TestPropertySource(properties = "passerelle.configuration.refresh-interval=0s")
class ConnectorSettingsTest {

    static final String UUID = ConnectorAdminTest.UUID;
    static final String SETTINGS = "/connectors/" + UUID + "/settings";

    @Autowired
    TestApi api;
    @Autowired
    DataDirectory dataDirectory;
    @Autowired
    ConnectorRegistry registry;
    @Autowired
    ConnectorSwitches switches;
    @Autowired
    ConnectorSwitchStore store;
    @Autowired
    ConfigChanges changes;
    @Autowired
    ConnectorsProperties properties;
    @Autowired
    ConnectorKeys keys;
    @Autowired
    PublicUrl publicUrl;
    @Autowired
    DomainConfig domainConfig;
    @Autowired
    ConfigVersion version;
    @Autowired
    Clock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;

    private String config;

    @BeforeEach
    void setUp() {
        config = AuthSteps.configToken(dataDirectory);
    }

    @AfterEach
    void clearTheSettings() {
        Map<String, String> cleared = new LinkedHashMap<>();
        api.get(SETTINGS).bearer(config).send().json().get("settings").propertyNames().forEach(name -> cleared.put(name, ""));
        if (!cleared.isEmpty()) {
            TestApi.Response response = api.put(SETTINGS).bearer(config).json(cleared).send();
            assertThat(response.status()).as("%s", response).isEqualTo(200);
        }
    }

    @Test
    void aValueTheConnectorRefusesIsA400NamingItAndNothingIsStoredNorLogged(CapturedOutput output) {
        api.put(SETTINGS).bearer(config).json(Map.of("latency-millis", "3")).send();
        long logged = auditEntries();
        Map<String, String> refused = Map.of(
                "{\"latency-millis\":\"-5\"}", "setting 'latency-millis' must be 0 or more (configured: '-5')",
                "{\"latency-jitter-millis\":\"-1\"}", "setting 'latency-jitter-millis' must be 0 or more (configured: '-1')",
                "{\"latency-millis\":\"soon\"}", "setting 'latency-millis' is not a whole number (configured: 'soon')",
                "{\"otp-expiry-seconds\":\"-30\"}", "setting 'otp-expiry-seconds' is negative (configured: '-30')",
                "{\"bank-url\":\"not a url\"}", "setting 'bank-url'",
                "{\"latency-millis\":\"7\",\"latency-jitter-millis\":\"-2\"}", "setting 'latency-jitter-millis' must be 0 or more");

        refused.forEach((body, why) -> {
            TestApi.Response response = api.put(SETTINGS).bearer(config).raw("application/json", body).send();

            assertThat(response.status()).as("%s → %s", body, response).isEqualTo(400);
            assertThat(response.json().get("code").asString()).isEqualTo("invalidValue");
            assertThat(response.json().get("description").asString()).as(body).contains(why);
        });

        assertThat(api.get(SETTINGS).bearer(config).send().json().get("settings").toString())
                .isEqualTo("{\"latency-millis\":\"3\"}");
        assertThat(auditEntries()).isEqualTo(logged);
        assertThat(registry.findAny(UUID).orElseThrow().settings().integer("latency-millis")).isEqualTo(3);
        assertThat(api.get("/connectors").send().json().get("connectors").findValuesAsString("uuid")).contains(UUID);
        assertThat(output.getOut()).doesNotContain("not started").doesNotContain(" ERROR ");
    }

    @Test
    void anUnknownSettingIsA400ListingTheKnownOnesAndNothingIsStored() {
        long logged = auditEntries();

        TestApi.Response alone = api.put(SETTINGS).bearer(config).json(Map.of("nope", "1")).send();
        TestApi.Response withAKnownOne = api.put(SETTINGS).bearer(config)
                .json(Map.of("latency-millis", "1", "nope", "1")).send();

        for (TestApi.Response response : List.of(alone, withAKnownOne)) {
            assertThat(response.status()).as("%s", response).isEqualTo(400);
            assertThat(response.json().get("description").asString()).contains("unknown setting 'nope'")
                    .contains("Its settings are: bank-client-id, bank-client-secret, bank-url")
                    .contains("latency-jitter-millis, latency-millis").contains("public-url");
        }
        assertThat(api.get(SETTINGS).bearer(config).send().json().get("settings").size()).isZero();
        assertThat(auditEntries()).isEqualTo(logged);
        assertThat(api.put(SETTINGS).bearer(config).json(Map.of("nope", "")).send().status())
                .as("clearing a setting the connector does not take").isEqualTo(200);
    }

    @Test
    void aStoredValueTheConnectorRefusesIsSetAsideWithAWarningAndTheOperatorClearsIt(CapturedOutput output) {
        storeAsAnOlderVersionDid(Map.of("latency-millis", "-5", "nope", "1", "otp-expiry-seconds", "120"));

        // This instance restarts the connector with the stored settings: it runs, without the refused value.
        assertThat(registry.findAny(UUID).orElseThrow().settings().integer("latency-millis")).isZero();
        assertThat(registry.findAny(UUID).orElseThrow().settings().seconds("otp-expiry-seconds")).hasSeconds(120);
        assertThat(api.get("/connectors").send().json().get("connectors").findValuesAsString("uuid")).contains(UUID);
        // So does a server that starts with them.
        ConnectorRegistry restarted = ConnectorRegistry.withExtra(properties, clock, switches, List.of());
        try {
            assertThat(restarted.find(UUID)).isPresent();
            assertThat(restarted.findAny(UUID).orElseThrow().settings().integer("latency-millis")).isZero();
        } finally {
            restarted.destroy();
        }
        assertThat(output.getOut()).contains("WARN").contains("the stored setting 'latency-millis' must be 0 or more "
                + "(configured: '-5'); it is set aside and its default applies")
                .contains("the stored setting 'nope' is none of the connector's")
                .contains("PUT /2.0/connectors/" + UUID + "/settings")
                .doesNotContain("not started").doesNotContain(" ERROR ");

        // The operator sees what is stored, cannot add to it while it holds refused values, and clears them.
        JsonNode shown = api.get(SETTINGS).bearer(config).send().json().get("settings");
        TestApi.Response blocked = api.put(SETTINGS).bearer(config).json(Map.of("nope", "", "latency-jitter-millis", "2"))
                .send();
        TestApi.Response everyRefusal = api.put(SETTINGS).bearer(config).json(Map.of("latency-jitter-millis", "-1")).send();
        TestApi.Response cleared = api.put(SETTINGS).bearer(config).json(Map.of("latency-millis", "", "nope", "")).send();

        assertThat(shown.get("latency-millis").asString()).isEqualTo("-5");
        assertThat(blocked.status()).as("%s", blocked).isEqualTo(400);
        assertThat(blocked.json().get("description").asString()).contains("setting 'latency-millis' must be 0 or more")
                .contains("set earlier").contains("{\"latency-millis\": \"\"}");
        assertThat(everyRefusal.status()).as("%s", everyRefusal).isEqualTo(400);
        assertThat(everyRefusal.json().get("description").asString())
                .contains("setting 'latency-jitter-millis' must be 0 or more (configured: '-1'); ")
                .contains("setting 'latency-millis' must be 0 or more (configured: '-5') (set earlier: change or clear it "
                        + "with {\"latency-millis\": \"\"}); ")
                .contains("unknown setting 'nope' (set earlier: change or clear it with {\"nope\": \"\"})")
                .contains("Its settings are: ");
        assertThat(cleared.status()).as("%s", cleared).isEqualTo(200);
        assertThat(cleared.json().get("settings").toString()).isEqualTo("{\"otp-expiry-seconds\":\"120\"}");
        assertThat(registry.findAny(UUID).orElseThrow().settings().seconds("otp-expiry-seconds")).hasSeconds(120);
    }

    @Test
    void aStoredValueSetAsideGivesWayToTheConfigurationsValueForThatSetting(CapturedOutput output) {
        storeAsAnOlderVersionDid(Map.of("latency-millis", "-5", "latency-jitter-millis", "4"));
        ConnectorSwitches configured = switches(Map.of("latency-millis", "7", "latency-jitter-millis", "9"));

        ConnectorRegistry restarted = ConnectorRegistry.withExtra(properties, clock, configured, List.of());
        try {
            assertThat(restarted.findAny(UUID).orElseThrow().settings().integer("latency-millis")).isEqualTo(7);
            assertThat(restarted.findAny(UUID).orElseThrow().settings().integer("latency-jitter-millis")).isEqualTo(4);
        } finally {
            restarted.destroy();
        }
        assertThat(output.getOut()).contains("it is set aside and the configuration's value applies");
    }

    @Test
    void aConnectorItsConfigurationKeepsFromStartingIsStillReachedToCorrectItsSettings(CapturedOutput output) {
        changes.apply(ChangedBy.CONFIG_TOKEN, record -> jdbc.sql("UPDATE connector_switch SET settings = NULL").update());
        ConnectorSwitches configured = switches(Map.of("latency-millis", "-5"));
        ConnectorRegistry restarted = ConnectorRegistry.withExtra(properties, clock, configured, List.of());
        ConnectorAdmin admin = new ConnectorAdmin(restarted, configured, store, keys, changes, clock);
        try {
            assertThat(restarted.findAny(UUID)).isEmpty();
            assertThat(restarted.discovered()).noneMatch(c -> c.descriptor().uuid().toString().equals(UUID));
            assertThat(output.getOut()).contains("is not started: setting 'latency-millis' must be 0 or more")
                    .contains("PUT /2.0/connectors/" + UUID + "/settings");

            assertThat(admin.connector(UUID).uuid().toString()).isEqualTo(UUID);
            assertThat(admin.settings(admin.connector(UUID))).containsEntry("latency-millis", "-5");
            ApiException refused = org.assertj.core.api.Assertions.catchThrowableOfType(ApiException.class,
                    () -> admin.changeSettings(admin.connector(UUID), Map.of("latency-jitter-millis", "1"),
                            ChangedBy.CONFIG_TOKEN));
            assertThat(refused.description()).contains("latency-millis");

            admin.changeSettings(admin.connector(UUID), Map.of("latency-millis", "0"), ChangedBy.CONFIG_TOKEN);

            assertThat(restarted.findAny(UUID)).isPresent();
            assertThat(restarted.findAny(UUID).orElseThrow().settings().integer("latency-millis")).isZero();
        } finally {
            restarted.destroy();
        }
    }

    /** Stores {@code settings} without the checks of today's API, as an older version could. */
    private void storeAsAnOlderVersionDid(Map<String, String> settings) {
        changes.apply(ChangedBy.CONFIG_TOKEN, record -> {
            store.settings(UUID, settings, clock.instant());
            return null;
        });
    }

    /** The context's switches, with the test connector's settings in the configuration files being {@code settings}. */
    private ConnectorSwitches switches(Map<String, String> settings) {
        ConnectorsProperties withSettings = new ConnectorsProperties(properties.disabled(), properties.disabledSources(),
                Map.of(UUID, settings), properties.providers());
        return new ConnectorSwitches(withSettings, context.getBeanProvider(SourceSwitch.class), publicUrl, domainConfig,
                keys, store, version, clock);
    }

    private long auditEntries() {
        return api.get("/config/logs").bearer(config).send().json().get("total").asLong();
    }
}
