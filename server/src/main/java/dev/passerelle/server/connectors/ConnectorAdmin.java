package dev.passerelle.server.connectors;

import dev.passerelle.connector.ConnectorDescriptor;
import dev.passerelle.connector.SettingSpec;
import dev.passerelle.connector.SourceDescriptor;
import dev.passerelle.runtime.host.SourceSwitch;
import dev.passerelle.server.api.ApiError;
import dev.passerelle.server.audit.ChangedBy;
import dev.passerelle.server.audit.ConfigChanges;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Changes connectors and sources at run time, for the configuration API and the console: hides or
 * publishes a connector, disables or enables a source, sets a connector's settings and sync
 * periodicity. Every change is audited ({@link ConfigChanges}) and seen by every instance without a
 * restart; settings are logged as changed, never with their values, and secret ones are shown masked.
 */
@Service
public class ConnectorAdmin {

    /** What the audit log shows in place of a setting's values: settings may hold an institution's credentials. */
    static final String PREVIOUS_VALUE = "(previous value, not shown)";
    static final String NEW_VALUE = "(new value, not shown)";
    /**
     * What the value of a setting the connector declares secret ({@link SettingSpec.Type#SECRET}) is
     * shown as; sent back unchanged, it keeps the stored value (the console's settings form does so).
     */
    public static final String MASKED = "****";
    static final int MAX_SETTINGS = 50;
    static final int MAX_SETTING_LENGTH = 2000;
    private static final Pattern SETTING_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");

    private final ConnectorRegistry registry;
    private final ConnectorSwitches switches;
    private final ConnectorSwitchStore store;
    private final ConnectorKeys keys;
    private final ConfigChanges changes;
    private final Clock clock;

    ConnectorAdmin(ConnectorRegistry registry, ConnectorSwitches switches, ConnectorSwitchStore store, ConnectorKeys keys,
                   ConfigChanges changes, Clock clock) {
        this.registry = registry;
        this.switches = switches;
        this.store = store;
        this.keys = keys;
        this.changes = changes;
        this.clock = clock;
    }

    /**
     * A connector by numeric id or uuid, hidden or not, started or not (its settings may keep it from
     * starting: they are what an operator then corrects); 404 otherwise.
     */
    public ConnectorDescriptor connector(String key) {
        return registry.configurable(key)
                .orElseThrow(() -> ApiError.NOT_FOUND.exception("No connector with id or uuid '" + key + "'"));
    }

    /** A source of {@code connector} by numeric id or name; 404 otherwise. */
    public SourceDescriptor source(ConnectorDescriptor connector, String key) {
        return connector.sources().stream()
                .filter(s -> String.valueOf(s.id()).equals(key) || s.name().equals(key))
                .findFirst()
                .orElseThrow(() -> ApiError.NOT_FOUND.exception("No source '" + key + "' on connector " + connector.id()));
    }

    /** Hides each connector (true) from the catalogue and new connections, or publishes it again (false), in one change. */
    public void hide(Map<ConnectorDescriptor, Boolean> hidden, ChangedBy who) {
        changes.apply(who, record -> {
            hidden.forEach((connector, hide) -> hide(connector, hide, record, clock.instant()));
            return null;
        });
    }

    /**
     * Sets the days between background syncs of the connector's connections ({@code raw}, a decimal
     * number), or, when blank, lets it follow the domain's {@code sync_periodicity} again.
     */
    public void syncPeriodicity(ConnectorDescriptor connector, String raw, ChangedBy who) {
        update(List.of(connector), Optional.empty(), Optional.of(raw == null ? "" : raw), who);
    }

    /**
     * Hides or publishes the connectors ({@code hidden}) and/or sets their sync periodicity
     * ({@link #syncPeriodicity}'s {@code raw}), all or nothing: every value is checked before
     * anything changes, and the changes are one configuration change (one transaction).
     */
    public void update(List<ConnectorDescriptor> connectors, Optional<Boolean> hidden, Optional<String> periodicity,
                       ChangedBy who) {
        Optional<Optional<BigDecimal>> days = periodicity.map(raw -> raw.isBlank() ? Optional.empty()
                : Optional.of(parsePeriodicity(raw)));
        if (connectors.isEmpty() || (hidden.isEmpty() && days.isEmpty())) {
            return;
        }
        changes.apply(who, record -> {
            Instant now = clock.instant();
            for (ConnectorDescriptor connector : connectors) {
                hidden.ifPresent(hide -> hide(connector, hide, record, now));
                days.ifPresent(value -> {
                    BigDecimal before = switches.syncPeriodicity(connector);
                    record.changed(key(connector, "sync_periodicity"), before == null ? null : before.toPlainString(),
                            value.map(BigDecimal::toPlainString).orElse(null));
                    store.syncPeriodicity(uuid(connector), value.orElse(null), now);
                });
            }
            return null;
        });
    }

    private void hide(ConnectorDescriptor connector, boolean hide, ConfigChanges.Record record, Instant now) {
        record.changed(key(connector, "hidden"), Boolean.toString(switches.hidden(connector)), Boolean.toString(hide));
        store.hide(uuid(connector), hide, now);
    }

    /**
     * Disables the source for every connection, or enables it again. A source a {@link SourceSwitch}
     * turns off cannot be enabled: 409 with the reason.
     */
    public void disable(ConnectorDescriptor connector, SourceDescriptor source, boolean disabled, ChangedBy who) {
        if (!disabled) {
            switches.whyOff(connector, source).ifPresent(why -> {
                throw ApiError.CONFLICT.exception("Source '" + source.name() + "' cannot be enabled on this server: " + why);
            });
        }
        changes.apply(who, record -> {
            Optional<Instant> since = switches.disabledSince(connector, source);
            Instant now = clock.instant();
            record.changed(key(connector, "source." + source.name() + ".disabled"),
                    Boolean.toString(since.isPresent()), Boolean.toString(disabled));
            store.source(uuid(connector), source.name(), disabled ? since.orElse(now) : null, now);
            return null;
        });
    }

    /**
     * The connector's settings (without the server's own {@code public-url} unless set), by name, as
     * an operator may see them: the values of secret settings are {@link #MASKED}.
     */
    public Map<String, String> settings(ConnectorDescriptor connector) {
        return masked(connector, stored(connector));
    }

    /**
     * Changes some of the connector's settings, all or none: a blank value removes the setting. The
     * settings afterwards must all be ones the connector declares (or the server's
     * {@code public-url}), with values it takes (its specs' types and its own rules, as its start
     * checks them): otherwise 400 naming the setting and why, and nothing is stored. The connector
     * receives them with its next call.
     */
    public Map<String, String> changeSettings(ConnectorDescriptor connector, Map<String, String> changed, ChangedBy who) {
        changed.forEach(ConnectorAdmin::checkSetting);
        Set<String> known = ConnectorRegistry.known(connector);
        Set<String> secret = secretNames(connector);
        return changes.apply(who, record -> {
            Map<String, String> before = stored(connector);
            Map<String, String> after = new TreeMap<>(before);
            changed.forEach((name, value) -> {
                if (value == null || value.isBlank()) {
                    after.remove(name);
                } else if (!(secret.contains(name) && MASKED.equals(value))) {
                    after.put(name, value);
                }
            });
            refuseWhatTheConnectorWouldNotTake(connector, known, changed.keySet(), after);
            Map<String, Object> names = new LinkedHashMap<>(before);
            names.putAll(after);
            names.keySet().forEach(name -> {
                if (!Objects.equals(before.get(name), after.get(name))) {
                    record.changed(key(connector, "settings." + name), before.containsKey(name) ? PREVIOUS_VALUE : null,
                            after.containsKey(name) ? NEW_VALUE : null);
                }
            });
            store.settings(uuid(connector), after, clock.instant());
            return masked(connector, after);
        });
    }

    private Map<String, String> stored(ConnectorDescriptor connector) {
        return new TreeMap<>(switches.ownSettings(connector));
    }

    private static Map<String, String> masked(ConnectorDescriptor connector, Map<String, String> settings) {
        Set<String> secret = secretNames(connector);
        Map<String, String> shown = new TreeMap<>(settings);
        shown.replaceAll((name, value) -> secret.contains(name) ? MASKED : value);
        return shown;
    }

    private static Set<String> secretNames(ConnectorDescriptor connector) {
        return connector.settings().stream().filter(SettingSpec::secret).map(SettingSpec::name).collect(Collectors.toSet());
    }

    private BigDecimal parsePeriodicity(String raw) {
        try {
            return keys.syncPeriodicity().type().parse(raw);
        } catch (IllegalArgumentException invalid) {
            throw ApiError.INVALID_VALUE.exception("'sync_periodicity' must be " + keys.syncPeriodicity().type().expected());
        }
    }

    /**
     * A 400 unless the connector would take {@code after} as its settings, as its start checks them
     * (the registry would not start it otherwise): one message for every setting refused, the
     * unknown ones (with the known ones listed) and those of refused values, each naming why; one
     * set earlier and not named by this change says how to clear it.
     */
    private void refuseWhatTheConnectorWouldNotTake(ConnectorDescriptor connector, Set<String> known,
                                                    Set<String> changed, Map<String, String> after) {
        if (after.size() > MAX_SETTINGS) {
            throw ApiError.INVALID_VALUE.exception("A connector has at most " + MAX_SETTINGS + " settings");
        }
        Map<String, String> refused = new TreeMap<>();
        after.keySet().stream().filter(name -> !known.contains(name))
                .forEach(name -> refused.put(name, "unknown setting '" + name + "'"));
        registry.settingProblems(connector, after).forEach(refused::putIfAbsent);
        if (refused.isEmpty()) {
            return;
        }
        List<String> reasons = new ArrayList<>();
        refused.forEach((name, why) -> reasons.add(why + (changed.contains(name) || !after.containsKey(name) ? ""
                : " (set earlier: change or clear it with {\"" + name + "\": \"\"})")));
        boolean unknown = refused.keySet().stream().anyMatch(name -> !known.contains(name));
        throw ApiError.INVALID_VALUE.exception("Connector " + connector.name() + ": " + String.join("; ", reasons)
                + (unknown ? ". Its settings are: " + String.join(", ", known) : ""));
    }

    private static void checkSetting(String name, String value) {
        if (!SETTING_NAME.matcher(name).matches()) {
            throw ApiError.INVALID_VALUE.exception("A setting's name is lower-case letters, digits, '.', '_' or '-', "
                    + "at most 100 characters");
        }
        if (value != null && value.length() > MAX_SETTING_LENGTH) {
            throw ApiError.INVALID_VALUE.exception("Setting '" + name + "' is longer than " + MAX_SETTING_LENGTH + " characters");
        }
    }

    private static String key(ConnectorDescriptor connector, String what) {
        return "connector." + uuid(connector) + "." + what;
    }

    private static String uuid(ConnectorDescriptor connector) {
        return connector.uuid().toString();
    }
}
