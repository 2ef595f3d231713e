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
import dev.passerelle.server.api.ApiError;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The connectors this server runs: discovered with {@link ServiceLoader} at start-up (each
 * {@link Connector}, and every connector a {@link ConnectorProvider} makes from
 * {@code passerelle.connectors.providers.<name>.*}), and what is published of them now
 * ({@link ConnectorSwitches}): an operator hides connectors and disables sources at run time, over
 * the configuration's initial values ({@code passerelle.connectors.disabled}: uuids of hidden
 * connectors; {@code passerelle.connectors.disabled-sources.<uuid>}: source names), and a
 * {@link SourceSwitch} turns off a source that cannot work here, logged with the reason.
 *
 * <p>Each connector is started by the runtime's {@link ConnectorLifecycle} with its settings from the
 * operator or {@code passerelle.connectors.settings.<uuid>.<key>} (each call's adds {@code public-url});
 * one the lifecycle refuses (another SPI version, wrong or missing settings, an unreadable key store,
 * an {@code open} that throws) is not run, and the log says why. When an operator changes a
 * connector's settings, each instance restarts that connector with them the next time it looks the
 * connector up; if the new settings do not start, the connector keeps running with the old ones.
 *
 * <p>A hidden connector is not published and takes no new connection; its existing connections
 * keep syncing. A disabled source is neither published nor used, by new and existing connections alike.
 */
@Component
public class ConnectorRegistry implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ConnectorRegistry.class);

    private final List<Slot> slots;
    private final ConnectorSwitches switches;
    private final Clock clock;

    @Autowired
    public ConnectorRegistry(ConnectorsProperties properties, Clock clock, ConnectorSwitches switches) {
        this(discover(properties), clock, switches);
    }

    /** A registry of the discovered connectors and {@code extra} ones (tests add connectors of their own). */
    public static ConnectorRegistry withExtra(ConnectorsProperties properties, Clock clock, ConnectorSwitches switches,
                                              List<Connector> extra) {
        List<Discovered> all = new ArrayList<>(discover(properties));
        extra.forEach(connector -> all.add(new Discovered(connector, Map.of())));
        return new ConnectorRegistry(all, clock, switches);
    }

    private ConnectorRegistry(List<Discovered> discovered, Clock clock, ConnectorSwitches switches) {
        this.switches = switches;
        this.clock = clock;
        Map<Integer, Connector> byId = new HashMap<>();
        for (Discovered found : discovered) {
            Connector c = found.connector();
            Connector clash = byId.putIfAbsent(c.descriptor().id(), c);
            if (clash != null) {
                throw new IllegalStateException("Connectors " + clash.descriptor().name() + " and "
                        + c.descriptor().name() + " share id " + c.descriptor().id());
            }
        }
        this.slots = discovered.stream()
                .map(found -> {
                    Map<String, String> settings = settings(found);
                    return started(found.connector(), settings).map(running -> new Slot(found, running, settings));
                })
                .flatMap(Optional::stream)
                .sorted(Comparator.comparingInt(s -> s.connector().descriptor().id()))
                .toList();
        log.info("Connectors published: {}", all().stream().map(c -> c.descriptor().name()).toList());
        for (Slot slot : slots) {
            ConnectorDescriptor descriptor = slot.connector().descriptor();
            descriptor.sources().forEach(source -> switches.whyOff(descriptor, source).ifPresent(why ->
                    log.info("Source '{}' of {} is disabled: {}", source.name(), descriptor.name(), why)));
        }
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
     * The settings a connector runs with: what its provider's configuration gives it, under the
     * operator's (the console's, or {@code passerelle.connectors.settings.<uuid>}).
     */
    private Map<String, String> settings(Discovered found) {
        Map<String, String> settings = new HashMap<>(found.provided());
        settings.putAll(switches.ownSettings(found.connector().descriptor()));
        return Map.copyOf(settings);
    }

    /** A connector found at start-up, and the settings its provider gives it (none for one that stands alone). */
    private record Discovered(Connector connector, Map<String, String> provided) {
    }

    private Optional<RunningConnector> started(Connector connector, Map<String, String> settings) {
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
        slots.forEach(slot -> stop(slot.running));
    }

    private static void stop(RunningConnector connector) {
        ConnectorLifecycle.stop(connector).ifPresent(e ->
                log.warn("Connector {} failed to close", connector.descriptor().name(), e));
    }

    /** The published connectors (not hidden), by id. */
    public List<RunningConnector> all() {
        return discovered().stream().filter(c -> !switches.hidden(c.descriptor())).toList();
    }

    /** Every connector this server runs, hidden or not, by id: for the configuration API and the console. */
    public List<RunningConnector> discovered() {
        return slots.stream().map(Slot::current).toList();
    }

    /** A published connector by numeric id or uuid (the API accepts both, docs/protocol.md §2.1). */
    public Optional<RunningConnector> find(String idOrUuid) {
        return findAny(idOrUuid).filter(c -> !switches.hidden(c.descriptor()));
    }

    /** A connector by numeric id or uuid, hidden or not. */
    public Optional<RunningConnector> findAny(String idOrUuid) {
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

    /** A connector by id, hidden or not: the connections made to a connector before it was hidden keep working. */
    public Optional<RunningConnector> byId(int id) {
        return slots.stream().filter(s -> s.connector().descriptor().id() == id).findFirst().map(Slot::current);
    }

    /** A connector by uuid, hidden or not. */
    public Optional<RunningConnector> byUuid(UUID uuid) {
        return slots.stream().filter(s -> s.connector().descriptor().uuid().equals(uuid)).findFirst().map(Slot::current);
    }

    /**
     * The connector a new connection is made to: published, with an enabled source, while the domain
     * takes new connections; else 400 (409 when {@code connection.disable_new} refuses them all).
     */
    public RunningConnector forNewConnection(String idOrUuid) {
        if (!switches.newConnectionsAllowed()) {
            throw ApiError.CONFLICT.exception("New connections are disabled on this domain (connection.disable_new)");
        }
        return find(idOrUuid)
                .filter(c -> !enabledSources(c.descriptor()).isEmpty())
                .orElseThrow(() -> ApiError.INVALID_VALUE.exception("No enabled connector '" + idOrUuid + "'"));
    }

    /** Whether the operator, the configuration and every {@link SourceSwitch} leave this source of this connector enabled. */
    public boolean isEnabled(ConnectorDescriptor connector, SourceDescriptor source) {
        return switches.disabledSince(connector, source).isEmpty() && switches.whyOff(connector, source).isEmpty();
    }

    /** The enabled sources of a connector, in priority order. */
    public List<SourceDescriptor> enabledSources(ConnectorDescriptor connector) {
        return connector.sources().stream().filter(s -> isEnabled(connector, s)).toList();
    }

    /**
     * One connector and its running instance, restarted when the settings an operator gave it are no
     * longer the ones it runs with ({@link ConnectorSwitches} sees another instance's change too).
     */
    private final class Slot {

        private final Discovered found;
        private volatile RunningConnector running;
        /** The settings last started with, or tried: a refused start is not tried again until they change. */
        private volatile Map<String, String> settings;

        private Slot(Discovered found, RunningConnector running, Map<String, String> settings) {
            this.found = found;
            this.running = running;
            this.settings = settings;
        }

        Connector connector() {
            return found.connector();
        }

        RunningConnector current() {
            if (!settings.equals(settings(found))) {
                restart();
            }
            return running;
        }

        private synchronized void restart() {
            Connector connector = connector();
            Map<String, String> wanted = settings(found);
            if (settings.equals(wanted)) {
                return;
            }
            Map<String, String> previous = settings;
            settings = wanted;
            RunningConnector old = running;
            log.info("Connector {}: its settings changed, restarting it", connector.descriptor().name());
            stop(old);
            running = started(connector, wanted).or(() -> started(connector, previous)).orElse(old);
        }
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
