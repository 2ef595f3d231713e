package dev.passerelle.server.domainconfig;

import static dev.passerelle.server.config.DbTime.utc;

import dev.passerelle.server.api.ApiError;
import dev.passerelle.server.audit.ChangedBy;
import dev.passerelle.server.audit.ConfigChanges;
import dev.passerelle.server.audit.ConfigVersion;
import dev.passerelle.server.audit.VersionedCache;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The domain's configuration keys (docs/configuration.md): the catalogue the features declare
 * ({@link ConfigKeys}), the values set at run time ({@code config_entry}), read by every instance
 * through a {@link VersionedCache}. A key nobody set has its default from the configuration files.
 */
@Service
public class DomainConfig {

    private static final Logger log = LoggerFactory.getLogger(DomainConfig.class);

    private final ObjectProvider<ConfigKeys> declared;
    private final ConfigChanges changes;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final VersionedCache<Map<String, String>> stored;
    /** Stored values a newer version no longer accepts, warned about once each. */
    private final Set<String> warned = ConcurrentHashMap.newKeySet();
    private volatile Map<String, ConfigKey<?>> catalogue;

    public DomainConfig(ObjectProvider<ConfigKeys> declared, ConfigChanges changes, ConfigVersion version,
                        JdbcClient jdbc, Clock clock) {
        this.declared = declared;
        this.changes = changes;
        this.jdbc = jdbc;
        this.clock = clock;
        this.stored = new VersionedCache<>(version, this::load);
    }

    /** A key as it stands: its value, whether someone set it, and its default. */
    public record Setting(ConfigKey<?> key, Object value, boolean set) {
    }

    /** The value of {@code key}: the one set at run time, else its default. */
    public <T> T value(ConfigKey<T> key) {
        String raw = stored.get().get(key.name());
        if (raw == null) {
            return key.defaultValue();
        }
        try {
            return key.type().parse(raw);
        } catch (IllegalArgumentException outdated) {
            if (warned.add(key.name() + "=" + raw)) {
                log.warn("Configuration key {} holds '{}', which is no longer {}: its default applies until it is set again",
                        key.name(), raw, key.type().expected());
            }
            return key.defaultValue();
        }
    }

    /** Every key whose name contains {@code search} (any case; every key when blank), by name. */
    public List<Setting> settings(String search) {
        String wanted = search == null ? "" : search.strip().toLowerCase(Locale.ROOT);
        Map<String, String> values = stored.get();
        return catalogue().values().stream()
                .filter(key -> key.name().contains(wanted))
                .map(key -> new Setting(key, wire(key), values.containsKey(key.name())))
                .toList();
    }

    /** {@link #settings} as the API shows them: key → typed value. */
    public Map<String, Object> wire(String search) {
        Map<String, Object> wire = new LinkedHashMap<>();
        settings(search).forEach(setting -> wire.put(setting.key().name(), setting.value()));
        return wire;
    }

    /**
     * Sets every key of {@code values} at once, or none: an unknown key or an invalid value is a 400
     * naming it. An empty value gives the key back its default.
     */
    public void set(Map<String, String> values, ChangedBy who) {
        Map<String, ConfigKey<?>> known = catalogue();
        Map<String, String> canonical = new TreeMap<>();
        values.forEach((name, raw) -> {
            ConfigKey<?> key = known.get(name);
            if (key == null) {
                throw ApiError.INVALID_VALUE.exception("Unknown configuration key '" + shortened(name) + "'; the keys are: "
                        + String.join(", ", known.keySet()));
            }
            canonical.put(name, raw == null || raw.isBlank() ? null : canonical(key, raw));
        });
        if (canonical.isEmpty()) {
            throw ApiError.MISSING_PARAMETER.exception("Give at least one key and its value; the keys are: "
                    + String.join(", ", known.keySet()));
        }
        changes.apply(who, record -> {
            Map<String, String> before = load();
            canonical.forEach((name, value) -> {
                write(name, value);
                record.changed(name, before.get(name), value);
            });
            return null;
        });
    }

    private <T> String canonical(ConfigKey<T> key, String raw) {
        try {
            return key.type().store(key.type().parse(raw));
        } catch (IllegalArgumentException invalid) {
            throw ApiError.INVALID_VALUE.exception("'" + key.name() + "' must be " + key.type().expected());
        }
    }

    private void write(String name, String value) {
        jdbc.sql("DELETE FROM config_entry WHERE config_key = :key").param("key", name).update();
        if (value != null) {
            jdbc.sql("INSERT INTO config_entry (config_key, config_value, updated) VALUES (:key, :value, :now)")
                    .param("key", name).param("value", value).param("now", utc(clock.instant())).update();
        }
    }

    private <T> Object wire(ConfigKey<T> key) {
        T value = value(key);
        return value == null ? null : key.type().wire(value);
    }

    private Map<String, String> load() {
        return jdbc.sql("SELECT config_key, config_value FROM config_entry")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Every declared key by name; built at first use, as the features declaring keys also read them. */
    private Map<String, ConfigKey<?>> catalogue() {
        Map<String, ConfigKey<?>> keys = catalogue;
        if (keys == null) {
            keys = declared.orderedStream().flatMap(group -> group.keys().stream())
                    .sorted(Comparator.comparing(ConfigKey::name))
                    .collect(Collectors.toMap(ConfigKey::name, Function.identity(), (a, b) -> {
                        throw new IllegalStateException("Configuration key " + a.name() + " is declared twice");
                    }, LinkedHashMap::new));
            catalogue = keys;
        }
        return keys;
    }

    private static String shortened(String name) {
        return name.length() <= 100 ? name : name.substring(0, 100) + "…";
    }
}
