package dev.passerelle.server.connectors;

import dev.passerelle.connector.Connector;
import dev.passerelle.connector.ConnectorDescriptor;
import dev.passerelle.connector.ConnectorEnvironment;
import dev.passerelle.connector.ConnectorLog;
import dev.passerelle.connector.ConnectorProvider;
import dev.passerelle.connector.InstitutionHttp;
import dev.passerelle.connector.Settings;
import dev.passerelle.connector.SourceDescriptor;
import dev.passerelle.connector.Spi;
import dev.passerelle.server.config.PublicUrl;
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
 * {@link SourceSwitch} turns off, logged with the reason). Settings for a connector come from
 * {@code passerelle.connectors.settings.<uuid>.<key>}, typed by its descriptor. A connector written
 * for another SPI version, whose settings are wrong or missing, or whose {@link Connector#open}
 * fails, is not run, and the log says why.
 */
@Component
public class ConnectorRegistry implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ConnectorRegistry.class);

    private final List<Connector> connectors;
    private final ConnectorsProperties properties;
    private final PublicUrl publicUrl;
    /** Per connector uuid, the names of the sources a {@link SourceSwitch} turned off. */
    private final Map<String, Set<String>> switchedOff;

    @Autowired
    public ConnectorRegistry(ConnectorsProperties properties, PublicUrl publicUrl, Clock clock,
                             ObjectProvider<SourceSwitch> switches) {
        this(discover(properties), properties, publicUrl, clock, switches.orderedStream().toList());
    }

    /** A registry of {@code connectors} instead of the discovered ones (tests add connectors of their own). */
    public static ConnectorRegistry of(List<Connector> connectors, ConnectorsProperties properties, PublicUrl publicUrl,
                                       Clock clock, List<SourceSwitch> switches) {
        return new ConnectorRegistry(connectors, properties, publicUrl, clock, switches);
    }

    private ConnectorRegistry(List<Connector> discovered, ConnectorsProperties properties, PublicUrl publicUrl,
                              Clock clock, List<SourceSwitch> switches) {
        this.properties = properties;
        this.publicUrl = publicUrl;
        Map<Integer, Connector> byId = new HashMap<>();
        for (Connector c : discovered) {
            Connector clash = byId.putIfAbsent(c.descriptor().id(), c);
            if (clash != null) {
                throw new IllegalStateException("Connectors " + clash.descriptor().name() + " and "
                        + c.descriptor().name() + " share id " + c.descriptor().id());
            }
        }
        this.connectors = discovered.stream()
                .filter(c -> !properties.disabled().contains(c.descriptor().uuid().toString()))
                .filter(c -> started(c, clock))
                .sorted(Comparator.comparingInt(c -> c.descriptor().id()))
                .toList();
        log.info("Connectors enabled: {}", connectors.stream().map(c -> c.descriptor().name()).toList());
        this.switchedOff = switchedOff(switches);
    }

    private Map<String, Set<String>> switchedOff(List<SourceSwitch> switches) {
        Map<String, Set<String>> off = new HashMap<>();
        for (Connector connector : connectors) {
            ConnectorDescriptor descriptor = connector.descriptor();
            for (SourceDescriptor source : descriptor.sources()) {
                switches.stream().map(s -> s.whyOff(descriptor, source, settings(descriptor))).flatMap(Optional::stream)
                        .findFirst().ifPresent(why -> {
                            log.info("Source '{}' of {} is disabled: {}", source.name(), descriptor.name(), why);
                            off.computeIfAbsent(descriptor.uuid().toString(), uuid -> new HashSet<>()).add(source.name());
                        });
            }
        }
        return Map.copyOf(off);
    }

    private static List<Connector> discover(ConnectorsProperties properties) {
        List<Connector> found = new ArrayList<>(ServiceLoader.load(Connector.class).stream()
                .map(ServiceLoader.Provider::get).toList());
        ServiceLoader.load(ConnectorProvider.class).stream().map(ServiceLoader.Provider::get).forEach(provider ->
                found.addAll(provider.connectors(properties.providerConfiguration(provider.name()))));
        return found;
    }

    /** Checks the connector's SPI version and settings, then opens it; false (logged) when it cannot run. */
    private boolean started(Connector connector, Clock clock) {
        ConnectorDescriptor descriptor = connector.descriptor();
        if (descriptor.spiVersion() != Spi.VERSION) {
            log.error("Connector {} ({}) is written for SPI version {}; this server runs version {}: not started",
                    descriptor.name(), descriptor.uuid(), descriptor.spiVersion(), Spi.VERSION);
            return false;
        }
        Settings settings = settings(descriptor);
        List<String> problems = settings.problems();
        if (!problems.isEmpty()) {
            log.error("Connector {} ({}) is not started: {}", descriptor.name(), descriptor.uuid(), problems);
            return false;
        }
        try {
            connector.open(new ConnectorEnvironment(settings, clock, InstitutionHttp.plain(), new ServerLog(descriptor)));
            return true;
        } catch (RuntimeException e) {
            log.error("Connector {} ({}) failed to open: not started", descriptor.name(), descriptor.uuid(), e);
            return false;
        }
    }

    @Override
    public void destroy() {
        for (Connector connector : connectors) {
            try {
                connector.close();
            } catch (RuntimeException e) {
                log.warn("Connector {} failed to close", connector.descriptor().name(), e);
            }
        }
    }

    /** Enabled connectors, by id. */
    public List<Connector> all() {
        return connectors;
    }

    /** An enabled connector by numeric id or uuid (the API accepts both, §2.1). */
    public Optional<Connector> find(String idOrUuid) {
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

    public Optional<Connector> byId(int id) {
        return connectors.stream().filter(c -> c.descriptor().id() == id).findFirst();
    }

    public Optional<Connector> byUuid(UUID uuid) {
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

    /**
     * Settings handed to the connector in every {@link dev.passerelle.connector.ConnectionContext}:
     * the configured ones, typed by its descriptor, plus {@code public-url} (the server's
     * {@link PublicUrl}) unless configured.
     */
    public Settings settings(ConnectorDescriptor connector) {
        Map<String, String> values = new HashMap<>(Map.of(Settings.PUBLIC_URL, publicUrl.base()));
        values.putAll(properties.settings().getOrDefault(connector.uuid().toString(), Map.of()));
        return Settings.of(values, connector.settings());
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
