package dev.passerelle.server.connectors;

import dev.passerelle.connector.ConnectorDescriptor;
import dev.passerelle.connector.Settings;
import dev.passerelle.connector.SourceDescriptor;
import dev.passerelle.runtime.host.SourceSwitch;
import dev.passerelle.server.audit.ConfigVersion;
import dev.passerelle.server.audit.VersionedCache;
import dev.passerelle.runtime.state.SyncPeriods;
import dev.passerelle.server.config.PublicUrl;
import dev.passerelle.server.connectors.ConnectorRegistry.ConnectorsProperties;
import dev.passerelle.server.connectors.ConnectorSwitchStore.Snapshot;
import dev.passerelle.server.connectors.ConnectorSwitchStore.Switch;
import dev.passerelle.server.domainconfig.DomainConfig;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Whether each connector is published and each source enabled, and with which settings, as every
 * instance sees them now: what operators changed at run time ({@link ConnectorSwitchStore}, read
 * again when the configuration version moves) over the configuration files'
 * {@code passerelle.connectors.*}, which give the initial values. A {@link SourceSwitch} that turns a
 * source off wins over both: the source cannot work on this server.
 */
@Component
public class ConnectorSwitches implements SyncPeriods {

    private final ConnectorsProperties properties;
    private final List<SourceSwitch> sourceSwitches;
    private final PublicUrl publicUrl;
    private final DomainConfig config;
    private final ConnectorKeys keys;
    private final VersionedCache<Snapshot> snapshot;
    /** Since when the configuration files disable what they disable: this server's start. */
    private final Instant started;

    ConnectorSwitches(ConnectorsProperties properties, ObjectProvider<SourceSwitch> sourceSwitches, PublicUrl publicUrl,
                      DomainConfig config, ConnectorKeys keys, ConnectorSwitchStore store, ConfigVersion version,
                      Clock clock) {
        this.properties = properties;
        this.sourceSwitches = sourceSwitches.orderedStream().toList();
        this.publicUrl = publicUrl;
        this.config = config;
        this.keys = keys;
        this.snapshot = new VersionedCache<>(version, store::load);
        this.started = clock.instant();
    }

    /** When this server started: since then the configuration files' and the {@link SourceSwitch}es' say holds. */
    Instant started() {
        return started;
    }

    /** Whether the connector is hidden: not published, and no new connection is made to it. */
    boolean hidden(ConnectorDescriptor connector) {
        return Optional.ofNullable(change(connector)).map(Switch::hidden)
                .orElseGet(() -> properties.disabled().contains(uuid(connector)));
    }

    /** Since when an operator or the configuration files disable the source; empty while it is enabled. */
    Optional<Instant> disabledSince(ConnectorDescriptor connector, SourceDescriptor source) {
        Map<String, Instant> changed = snapshot.get().sources().getOrDefault(uuid(connector), Map.of());
        if (changed.containsKey(source.name())) {
            return Optional.ofNullable(changed.get(source.name()));
        }
        return properties.disabledSources().getOrDefault(uuid(connector), List.of()).contains(source.name())
                ? Optional.of(started) : Optional.empty();
    }

    /** Why the source cannot work on this server whatever the operator says, from the first {@link SourceSwitch} that says so. */
    Optional<String> whyOff(ConnectorDescriptor connector, SourceDescriptor source) {
        Settings settings = settings(connector);
        return sourceSwitches.stream().map(s -> s.whyOff(connector, source, settings)).flatMap(Optional::stream).findFirst();
    }

    /**
     * The settings handed to the connector, typed by its descriptor: the operator's, else the
     * configured ones; plus {@code public-url} (the server's {@link PublicUrl}) unless set.
     */
    Settings settings(ConnectorDescriptor connector) {
        return settings(connector, ownSettings(connector));
    }

    /** {@code own} as the connector would receive them: typed by its descriptor, with {@code public-url} unless set. */
    Settings settings(ConnectorDescriptor connector, Map<String, String> own) {
        Map<String, String> values = new HashMap<>(Map.of(Settings.PUBLIC_URL, publicUrl.base()));
        values.putAll(own);
        return Settings.of(values, connector.settings());
    }

    /** The settings an operator or the configuration files gave the connector, without the server's own. */
    Map<String, String> ownSettings(ConnectorDescriptor connector) {
        return storedSettings(connector).orElseGet(() -> configuredSettings(connector));
    }

    /** The settings an operator stored for the connector (the API's, the console's), which replace the configuration files'; empty when none. */
    Optional<Map<String, String>> storedSettings(ConnectorDescriptor connector) {
        return Optional.ofNullable(change(connector)).map(Switch::settings);
    }

    /** {@code passerelle.connectors.settings.<uuid>.*}: the configuration files' settings for the connector. */
    Map<String, String> configuredSettings(ConnectorDescriptor connector) {
        return properties.settings().getOrDefault(uuid(connector), Map.of());
    }

    /**
     * Time between two background syncs of a connection: the connector's own periodicity set by an
     * operator, else the domain's {@code sync_periodicity}, else the connector's default.
     */
    @Override
    public Duration of(ConnectorDescriptor connector) {
        BigDecimal days = Optional.ofNullable(syncPeriodicity(connector))
                .orElseGet(() -> config.value(keys.syncPeriodicity()));
        return days == null ? SyncPeriods.own(connector)
                : Duration.ofMinutes(days.multiply(BigDecimal.valueOf(24 * 60)).setScale(0, RoundingMode.HALF_UP).longValueExact());
    }

    /** The periodicity an operator set on the connector, in days; null when none. */
    BigDecimal syncPeriodicity(ConnectorDescriptor connector) {
        return Optional.ofNullable(change(connector)).map(Switch::syncPeriodicity).orElse(null);
    }

    /** Whether the domain takes new connections at all ({@code connection.disable_new}). */
    boolean newConnectionsAllowed() {
        return !config.value(keys.disableNew());
    }

    /** What an operator changed on the connector, or null. */
    private Switch change(ConnectorDescriptor connector) {
        return snapshot.get().connectors().get(uuid(connector));
    }

    private static String uuid(ConnectorDescriptor connector) {
        return connector.uuid().toString();
    }
}
