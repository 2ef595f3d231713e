package dev.passerelle.server.connectors;

import dev.passerelle.connector.Connector;
import dev.passerelle.connector.ConnectorDescriptor;
import dev.passerelle.connector.SourceDescriptor;
import dev.passerelle.server.config.PublicUrl;
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
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The connectors this server runs: discovered with {@link ServiceLoader} at start-up, minus the
 * ones the configuration disables ({@code passerelle.connectors.disabled}: uuids) and their
 * disabled sources ({@code passerelle.connectors.disabled-sources.<uuid>}: source names, plus the
 * sources a {@link SourceSwitch} turns off, logged with the reason). Settings for a connector come
 * from {@code passerelle.connectors.settings.<uuid>.<key>}.
 */
@Component
public class ConnectorRegistry {

    private static final Logger log = LoggerFactory.getLogger(ConnectorRegistry.class);

    private final List<Connector> connectors;
    private final ConnectorsProperties properties;
    private final PublicUrl publicUrl;
    /** Per connector uuid, the names of the sources a {@link SourceSwitch} turned off. */
    private final Map<String, Set<String>> switchedOff;

    @Autowired
    public ConnectorRegistry(ConnectorsProperties properties, PublicUrl publicUrl, ObjectProvider<SourceSwitch> switches) {
        this(ServiceLoader.load(Connector.class).stream().map(ServiceLoader.Provider::get).toList(), properties,
                publicUrl, switches.orderedStream().toList());
    }

    ConnectorRegistry(List<Connector> discovered, ConnectorsProperties properties, PublicUrl publicUrl,
                      List<SourceSwitch> switches) {
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
     * the configured ones, plus {@code public-url} (the server's {@link PublicUrl}) unless configured.
     */
    public Map<String, String> settings(ConnectorDescriptor connector) {
        Map<String, String> settings = new HashMap<>(Map.of(PublicUrl.SETTING, publicUrl.base()));
        settings.putAll(properties.settings().getOrDefault(connector.uuid().toString(), Map.of()));
        return settings;
    }

    /** {@code passerelle.connectors.*}. */
    @ConfigurationProperties("passerelle.connectors")
    public record ConnectorsProperties(
            List<String> disabled,
            Map<String, List<String>> disabledSources,
            Map<String, Map<String, String>> settings) {

        public ConnectorsProperties {
            disabled = disabled == null ? List.of() : List.copyOf(disabled);
            disabledSources = disabledSources == null ? Map.of() : Map.copyOf(disabledSources);
            settings = settings == null ? Map.of() : Map.copyOf(settings);
        }
    }
}
