package dev.passerelle.server.connectors;

import dev.passerelle.connector.Connector;
import dev.passerelle.connector.ConnectorDescriptor;
import dev.passerelle.connector.ConnectorLog;
import dev.passerelle.connector.ConnectorProvider;
import dev.passerelle.connector.SourceDescriptor;
import dev.passerelle.runtime.ConnectorLifecycle;
import dev.passerelle.runtime.ConnectorLifecycle.Started;
import dev.passerelle.runtime.RunningConnector;
import dev.passerelle.runtime.host.SourceSwitch;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The connectors this server runs: discovered with {@link ServiceLoader} at start-up (each
 * {@link Connector}, and every connector a {@link ConnectorProvider} makes from
 * {@code passerelle.connectors.providers.<name>.*}), minus the ones the configuration disables
 * ({@code passerelle.connectors.disabled}: uuids) and their disabled sources
 * ({@code passerelle.connectors.disabled-sources.<uuid>}: source names, plus the sources a
 * {@link SourceSwitch} turns off, logged with the reason). Each is started by the runtime's
 * {@link ConnectorLifecycle} with its settings from {@code passerelle.connectors.settings.<uuid>.<key>}
 * (each call's adds {@code public-url}); one the lifecycle refuses (another SPI version, wrong or missing settings,
 * an unreadable key store, an {@code open} that throws) is not run, and the log says why.
 */
@Component
public class ConnectorRegistry implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ConnectorRegistry.class);

    private final List<RunningConnector> connectors;
    private final ConnectorsProperties properties;
    /** Per connector uuid, the names of the sources a {@link SourceSwitch} turned off. */
    private final Map<String, Set<String>> switchedOff;

    @Autowired
    public ConnectorRegistry(ConnectorsProperties properties, Clock clock,
                             ObjectProvider<SourceSwitch> switches) {
        this(discover(properties), properties, clock, switches.orderedStream().toList());
    }

    /** A registry of the discovered connectors and {@code extra} ones (tests add connectors of their own). */
    public static ConnectorRegistry withExtra(ConnectorsProperties properties, Clock clock,
                                              List<SourceSwitch> switches, List<Connector> extra) {
        List<Discovered> all = new ArrayList<>(discover(properties));
        extra.forEach(connector -> all.add(new Discovered(connector, Map.of())));
        return new ConnectorRegistry(all, properties, clock, switches);
    }

    private ConnectorRegistry(List<Discovered> discovered, ConnectorsProperties properties,
                              Clock clock, List<SourceSwitch> switches) {
        this.properties = properties;
        Map<Integer, Connector> byId = new HashMap<>();
        for (Discovered found : discovered) {
            Connector c = found.connector();
            Connector clash = byId.putIfAbsent(c.descriptor().id(), c);
            if (clash != null) {
                throw new IllegalStateException("Connectors " + clash.descriptor().name() + " and "
                        + c.descriptor().name() + " share id " + c.descriptor().id());
            }
        }
        this.connectors = discovered.stream()
                .filter(found -> !properties.disabled().contains(found.connector().descriptor().uuid().toString()))
                .map(found -> started(found.connector(), settings(found), clock))
                .flatMap(Optional::stream)
                .sorted(Comparator.comparingInt(c -> c.descriptor().id()))
                .toList();
        log.info("Connectors enabled: {}", connectors.stream().map(c -> c.descriptor().name()).toList());
        this.switchedOff = switchedOff(switches);
    }

    private Map<String, Set<String>> switchedOff(List<SourceSwitch> switches) {
        Map<String, Set<String>> off = new HashMap<>();
        for (RunningConnector connector : connectors) {
            ConnectorDescriptor descriptor = connector.descriptor();
            for (SourceDescriptor source : descriptor.sources()) {
                switches.stream().map(s -> s.whyOff(descriptor, source, connector.settings())).flatMap(Optional::stream)
                        .findFirst().ifPresent(why -> {
                            log.info("Source '{}' of {} is disabled: {}", source.name(), descriptor.name(), why);
                            off.computeIfAbsent(descriptor.uuid().toString(), uuid -> new HashSet<>()).add(source.name());
                        });
            }
        }
        return Map.copyOf(off);
    }

    private static List<Discovered> discover(ConnectorsProperties properties) {
        List<Discovered> found = new ArrayList<>(ServiceLoader.load(Connector.class).stream()
                .map(ServiceLoader.Provider::get).map(connector -> new Discovered(connector, Map.of())).toList());
        ServiceLoader.load(ConnectorProvider.class).stream().map(ServiceLoader.Provider::get).forEach(provider -> {
            Map<String, String> configuration = properties.providerConfiguration(provider.name());
            provider.connectors(configuration).forEach(connector -> found.add(new Discovered(connector,
                    provider.settings(configuration, connector.descriptor()))));
        });
        return found;
    }

    /**
     * The settings of a connector: what its provider's configuration gives it, under the operator's
     * {@code passerelle.connectors.settings.<uuid>} (the runtime adds {@code public-url} to each call's unless
     * configured).
     */
    private Map<String, String> settings(Discovered found) {
        Map<String, String> settings = new HashMap<>(found.provided());
        settings.putAll(properties.settings().getOrDefault(found.connector().descriptor().uuid().toString(), Map.of()));
        return settings;
    }

    /** A connector found at start-up, and the settings its provider gives it (none for one that stands alone). */
    private record Discovered(Connector connector, Map<String, String> provided) {
    }

    private static Optional<RunningConnector> started(Connector connector, Map<String, String> settings, Clock clock) {
        return switch (ConnectorLifecycle.start(connector, settings, clock, new ServerLog(connector.descriptor()))) {
            case Started.Running running -> Optional.of(running.connector());
            case Started.Refused refused -> {
                ConnectorDescriptor descriptor = refused.connector();
                log.error("Connector {} ({}) is not started: {}", descriptor.name(), descriptor.uuid(), refused.reason(),
                        refused.cause());
                yield Optional.empty();
            }
        };
    }

    @Override
    public void destroy() {
        for (RunningConnector connector : connectors) {
            ConnectorLifecycle.stop(connector).ifPresent(e ->
                    log.warn("Connector {} failed to close", connector.descriptor().name(), e));
        }
    }

    /** Enabled connectors, by id. */
    public List<RunningConnector> all() {
        return connectors;
    }

    /** An enabled connector by numeric id or uuid (the API accepts both, docs/protocol.md §2.1). */
    public Optional<RunningConnector> find(String idOrUuid) {
        if (idOrUuid == null) {
            return Optional.empty();
        }
        String key = idOrUuid.trim();
        if (key.chars().allMatch(Character::isDigit) && !key.isEmpty() && key.length() < 10) {
            return byId(Integer.parseInt(key));
        }
        try {
            return byUuid(UUID.fromString(key));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public Optional<RunningConnector> byId(int id) {
        return connectors.stream().filter(c -> c.descriptor().id() == id).findFirst();
    }

    public Optional<RunningConnector> byUuid(UUID uuid) {
        return connectors.stream().filter(c -> c.descriptor().uuid().equals(uuid)).findFirst();
    }

    /** Whether the configuration and every {@link SourceSwitch} leave this source of this connector enabled. */
    public boolean isEnabled(ConnectorDescriptor connector, SourceDescriptor source) {
        String uuid = connector.uuid().toString();
        return !properties.disabledSources().getOrDefault(uuid, List.of()).contains(source.name())
                && !switchedOff.getOrDefault(uuid, Set.of()).contains(source.name());
    }

    /** The enabled sources of a connector, in priority order. */
    public List<SourceDescriptor> enabledSources(ConnectorDescriptor connector) {
        return connector.sources().stream().filter(s -> isEnabled(connector, s)).toList();
    }

    /** {@code passerelle.connectors.*}. */
    @ConfigurationProperties("passerelle.connectors")
    public record ConnectorsProperties(
            List<String> disabled,
            Map<String, List<String>> disabledSources,
            Map<String, Map<String, String>> settings,
            Map<String, Map<String, String>> providers) {

        public ConnectorsProperties {
            disabled = disabled == null ? List.of() : List.copyOf(disabled);
            disabledSources = disabledSources == null ? Map.of() : Map.copyOf(disabledSources);
            settings = settings == null ? Map.of() : Map.copyOf(settings);
            providers = providers == null ? Map.of() : Map.copyOf(providers);
        }

        /** {@code passerelle.connectors.providers.<name>.*}: what a {@link ConnectorProvider} makes its connectors of. */
        Map<String, String> providerConfiguration(String name) {
            return providers.getOrDefault(name, Map.of());
        }
    }

    /** A connector's start-up messages, in the server's log under the connector's name. */
    private record ServerLog(ConnectorDescriptor connector) implements ConnectorLog {
        @Override
        public void info(String message) {
            log.info("Connector {}: {}", connector.name(), message);
        }

        @Override
        public void warn(String message) {
            log.warn("Connector {}: {}", connector.name(), message);
        }
    }
}
