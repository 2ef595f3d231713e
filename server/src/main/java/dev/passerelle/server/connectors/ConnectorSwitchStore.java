package dev.passerelle.server.connectors;

import static dev.passerelle.server.config.DbTime.utc;

import dev.passerelle.runtime.host.SealedColumn;
import dev.passerelle.server.config.DbTime;
import dev.passerelle.server.crypto.AtRestCipher;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * What operators changed on connectors and sources ({@code connector_switch},
 * {@code connector_source_switch}); a null column means "as the configuration files say". The
 * settings are sealed with the at-rest key, as they may hold an institution's credentials. Writes
 * run inside a configuration change ({@code ConfigChanges}), which serialises them.
 */
@Component
class ConnectorSwitchStore {

    /** The at-rest purpose of {@code connector_switch.settings}. */
    static final String SETTINGS = "connector_switch.settings";

    private final JdbcClient jdbc;
    private final AtRestCipher cipher;
    private final ObjectMapper json;

    ConnectorSwitchStore(JdbcClient jdbc, AtRestCipher cipher, ObjectMapper json) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.json = json;
    }

    /** An operator's changes to one connector; null fields are not changed. */
    record Switch(Boolean hidden, BigDecimal syncPeriodicity, Map<String, String> settings) {
    }

    /** Everything operators changed: per connector uuid, and per connector uuid and source name the time it was disabled (null: enabled). */
    record Snapshot(Map<String, Switch> connectors, Map<String, Map<String, Instant>> sources) {
    }

    Snapshot load() {
        Map<String, Switch> connectors = new HashMap<>();
        jdbc.sql("SELECT connector_uuid, hidden, sync_periodicity, settings FROM connector_switch")
                .query(rs -> {
                    String sealed = rs.getString("settings");
                    connectors.put(rs.getString("connector_uuid"), new Switch(rs.getObject("hidden", Boolean.class),
                            rs.getBigDecimal("sync_periodicity"), sealed == null ? null : open(sealed)));
                });
        Map<String, Map<String, Instant>> sources = new HashMap<>();
        jdbc.sql("SELECT connector_uuid, source_name, disabled FROM connector_source_switch")
                .query(rs -> {
                    sources.computeIfAbsent(rs.getString("connector_uuid"), uuid -> new HashMap<>())
                            .put(rs.getString("source_name"), DbTime.instant(rs, "disabled"));
                });
        return new Snapshot(Map.copyOf(connectors), Map.copyOf(sources));
    }

    void hide(String uuid, boolean hidden, Instant now) {
        upsert(uuid, "hidden", hidden, now);
    }

    /** {@code days} between background syncs, or null to follow the domain's and then the connector's own. */
    void syncPeriodicity(String uuid, BigDecimal days, Instant now) {
        upsert(uuid, "sync_periodicity", days, now);
    }

    void settings(String uuid, Map<String, String> settings, Instant now) {
        upsert(uuid, "settings", cipher.encrypt(json.writeValueAsString(new TreeMap<>(settings)), SETTINGS), now);
    }

    /** Disables the source from {@code disabledAt}, or enables it when null. */
    void source(String uuid, String source, Instant disabledAt, Instant now) {
        int updated = jdbc.sql("""
                        UPDATE connector_source_switch SET disabled = :disabled, updated = :now
                        WHERE connector_uuid = :uuid AND source_name = :source""")
                .param("disabled", utc(disabledAt)).param("now", utc(now)).param("uuid", uuid).param("source", source)
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            INSERT INTO connector_source_switch (connector_uuid, source_name, disabled, updated)
                            VALUES (:uuid, :source, :disabled, :now)""")
                    .param("disabled", utc(disabledAt)).param("now", utc(now)).param("uuid", uuid).param("source", source)
                    .update();
        }
    }

    /** Sets one column of the connector's row, creating the row first if needed (the column name is ours, never a client's). */
    private void upsert(String uuid, String column, Object value, Instant now) {
        jdbc.sql("INSERT INTO connector_switch (connector_uuid, updated) SELECT :uuid, :now WHERE NOT EXISTS "
                        + "(SELECT 1 FROM connector_switch WHERE connector_uuid = :uuid)")
                .param("uuid", uuid).param("now", utc(now)).update();
        jdbc.sql("UPDATE connector_switch SET " + column + " = :value, updated = :now WHERE connector_uuid = :uuid")
                .param("value", value).param("now", utc(now)).param("uuid", uuid).update();
    }

    private Map<String, String> open(String sealed) {
        return new LinkedHashMap<>(json.readValue(cipher.decrypt(sealed, SETTINGS), new TypeReference<Map<String, String>>() {
        }));
    }

    /** Declared for key rotation ({@code rekey}). */
    @Bean
    static SealedColumn connectorSwitchSettings() {
        return new SealedColumn("connector_switch", "settings", SETTINGS);
    }
}
