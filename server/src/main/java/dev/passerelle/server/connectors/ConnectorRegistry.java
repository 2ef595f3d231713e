package dev.passerelle.server.connectors;

import dev.passerelle.connector.Connector;
import dev.passerelle.connector.ConnectorDescriptor;
import dev.passerelle.connector.ConnectorLog;
import dev.passerelle.connector.ConnectorProvider;
import dev.passerelle.connector.Settings;
import dev.passerelle.connector.SourceDescriptor;
import dev.passerelle.runtime.ConnectorLifecycle;
import dev.passerelle.runtime.ConnectorLifecycle.Started;
import dev.passerelle.runtime.RunningConnector;
import dev.passerelle.runtime.host.SourceSwitch;
import dev.passerelle.server.api.ApiError;
import dev.passerelle.server.api.WireInteger;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
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
 * operator or {@code passerelle.connectors.settings.<uuid>.<key>} (each call's adds {@code public-url}).
 * A value an operator stored that the connector refuses (stored by an older version, say: the API
 * refuses such a change now) is set aside, with a warning naming it: the configuration's value for
 * that setting applies, else its default. A connector the lifecycle still refuses (another SPI
 * version, wrong or missing settings in the configuration, an unreadable key store, an {@code open}
 * that throws) is not run, and the log says why; the configuration API and the console still find it
 * ({@link #configurable}), so that an operator can correct its settings, which starts it. When an
 * operator changes a connector's settings, each instance restarts that connector with them the next
 * time it looks the connector up; if the new settings do not start, the connector keeps running with
 * the old ones.
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
                    Wanted settings = settings(found);
                    return new Slot(found, started(found.connector(), settings).orElse(null), settings);
                })
                .sorted(Comparator.comparingInt(s -> s.connector().descriptor().id()))
                .toList();
        log.info("Connectors published: {}", all().stream().map(c -> c.descriptor().name()).toList());
        for (RunningConnector running : discovered()) {
            ConnectorDescriptor descriptor = running.descriptor();
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
     * The settings a connector is to run with: what its provider's configuration gives it, under the
     * operator's (the console's, or {@code passerelle.connectors.settings.<uuid>}).
     */
    private Wanted settings(Discovered found) {
        ConnectorDescriptor descriptor = found.connector().descriptor();
        return new Wanted(found.provided(), switches.configuredSettings(descriptor),
                switches.storedSettings(descriptor).map(Map::copyOf).orElse(null));
    }

    /** A connector found at start-up, and the settings its provider gives it (none for one that stands alone). */
    private record Discovered(Connector connector, Map<String, String> provided) {
    }

    /**
     * Where a connector's settings come from: its provider's ({@code provided}), under the
     * configuration files' ({@code configured}), both replaced by those an operator stored
     * ({@code stored}, null when none).
     */
    private record Wanted(Map<String, String> provided, Map<String, String> configured, Map<String, String> stored) {

        /** What the configuration gives the connector, before any operator's change. */
        Map<String, String> configuration() {
            Map<String, String> values = new HashMap<>(provided);
            values.putAll(configured);
            return values;
        }

        /** The values as given, before any is set aside. */
        Map<String, String> values() {
            if (stored == null) {
                return configuration();
            }
            Map<String, String> values = new HashMap<>(provided);
            values.putAll(stored);
            return values;
        }
    }

    /**
     * What the connector would refuse in the settings {@code own}, were an operator to store them: each
     * setting by name, with a message that names it and says why (the lifecycle's checks: the
     * descriptor's specs, the connector's own rules, the TLS stores). {@code own} replace the
     * configuration files' settings, under what the connector's provider gives it.
     */
    public Map<String, String> settingProblems(ConnectorDescriptor connector, Map<String, String> own) {
        Slot slot = slots.stream().filter(s -> s.connector().descriptor().uuid().equals(connector.uuid())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a connector of this server: " + connector.uuid()));
        Map<String, String> values = new HashMap<>(slot.found.provided());
        values.putAll(own);
        return ConnectorLifecycle.settingProblems(slot.connector(), values);
    }

    private Optional<RunningConnector> started(Connector connector, Wanted wanted) {
        ConnectorDescriptor descriptor = connector.descriptor();
        Map<String, String> values = usable(connector, wanted);
        return switch (ConnectorLifecycle.start(connector, values, clock, new ServerLog(descriptor))) {
            case Started.Running running -> Optional.of(running.connector());
            case Started.Refused refused -> {
                log.error("Connector {} ({}) is not started: {}. Settings at fault are corrected in the configuration, "
                                + "or with PUT /2.0/connectors/{}/settings or in the console, which starts it.",
                        descriptor.name(), descriptor.uuid(), refused.reason(), descriptor.uuid(), refused.cause());
                yield Optional.empty();
            }
        };
    }

    /**
     * {@code wanted}'s values, less those an operator stored that the connector refuses: each gives
     * way to the configuration's value for that setting, else to its default, with a warning that
     * names it. The configuration's own values are left as they are: the lifecycle refuses them.
     * Settings stored that the connector does not declare are named in a warning too.
     */
    private Map<String, String> usable(Connector connector, Wanted wanted) {
        Map<String, String> values = wanted.values();
        if (wanted.stored() == null) {
            return values;
        }
        ConnectorDescriptor descriptor = connector.descriptor();
        Map<String, String> problems;
        try {
            problems = ConnectorLifecycle.settingProblems(connector, values);
        } catch (RuntimeException e) {
            return values; // the lifecycle refuses the connector for it, and says why
        }
        Map<String, String> configuration = wanted.configuration();
        problems.forEach((name, problem) -> {
            if (!wanted.stored().containsKey(name)) {
                return;
            }
            String fallback = configuration.get(name);
            if (fallback == null) {
                values.remove(name);
            } else {
                values.put(name, fallback);
            }
            log.warn("Connector {} ({}): the stored {}; it is set aside and {} applies. Change or clear it with "
                            + "PUT /2.0/connectors/{}/settings or in the console.", descriptor.name(), descriptor.uuid(),
                    problem, fallback == null ? "its default" : "the configuration's value", descriptor.uuid());
        });
        Set<String> known = known(descriptor);
        wanted.stored().keySet().stream().filter(name -> !known.contains(name)).sorted().forEach(name ->
                log.warn("Connector {} ({}): the stored setting '{}' is none of the connector's ({}). Clear it with "
                                + "PUT /2.0/connectors/{}/settings or in the console.", descriptor.name(), descriptor.uuid(),
                        name, String.join(", ", known), descriptor.uuid()));
        return values;
    }

    /** The names of the settings the connector takes: those it declares, and the server's {@code public-url}. */
    static Set<String> known(ConnectorDescriptor connector) {
        Set<String> known = new TreeSet<>();
        connector.settings().forEach(spec -> known.add(spec.name()));
        known.add(Settings.PUBLIC_URL);
        return known;
    }

    @Override
    public void destroy() {
        slots.stream().map(slot -> slot.running).filter(Objects::nonNull).forEach(ConnectorRegistry::stop);
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
        return slots.stream().map(Slot::current).filter(Objects::nonNull).toList();
    }

    /**
     * A connector by numeric id or uuid, hidden or not, and even when it is not started (its settings
     * refused): what the configuration API and the console change.
     */
    public Optional<ConnectorDescriptor> configurable(String idOrUuid) {
        return slot(idOrUuid).map(slot -> {
            slot.current();
            return slot.connector().descriptor();
        });
    }

    /** A published connector by numeric id or uuid (the API accepts both, docs/protocol.md §2.1). */
    public Optional<RunningConnector> find(String idOrUuid) {
        return findAny(idOrUuid).filter(c -> !switches.hidden(c.descriptor()));
    }

    /** A connector by numeric id or uuid, hidden or not. */
    public Optional<RunningConnector> findAny(String idOrUuid) {
        return slot(idOrUuid).map(Slot::current);
    }

    /** A connector by id, hidden or not: the connections made to a connector before it was hidden keep working. */
    public Optional<RunningConnector> byId(int id) {
        return slots.stream().filter(s -> s.connector().descriptor().id() == id).findFirst().map(Slot::current);
    }

    /** A connector by uuid, hidden or not. */
    public Optional<RunningConnector> byUuid(UUID uuid) {
        return slots.stream().filter(s -> s.connector().descriptor().uuid().equals(uuid)).findFirst().map(Slot::current);
    }

    /** The slot of a connector by numeric id or uuid, started or not. */
    private Optional<Slot> slot(String idOrUuid) {
        if (idOrUuid == null) {
            return Optional.empty();
        }
        OptionalLong id = WireInteger.parse(idOrUuid);
        if (id.isPresent()) {
            return slots.stream().filter(s -> s.connector().descriptor().id() == id.getAsLong()).findFirst();
        }
        try {
            UUID uuid = UUID.fromString(idOrUuid.trim());
            return slots.stream().filter(s -> s.connector().descriptor().uuid().equals(uuid)).findFirst();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
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
     * One connector and its running instance (null while its settings keep it from starting),
     * restarted when the settings an operator gave it are no longer the ones it runs with
     * ({@link ConnectorSwitches} sees another instance's change too).
     */
    private final class Slot {

        private final Discovered found;
        private volatile RunningConnector running;
        /** The settings last started with, or tried: a refused start is not tried again until they change. */
        private volatile Wanted settings;

        private Slot(Discovered found, RunningConnector running, Wanted settings) {
            this.found = found;
            this.running = running;
            this.settings = settings;
        }

        Connector connector() {
            return found.connector();
        }

        /** The running instance, restarted first if its settings changed; null when it is not started. */
        RunningConnector current() {
            if (!settings.equals(settings(found))) {
                restart();
            }
            return running;
        }

        private synchronized void restart() {
            Connector connector = connector();
            Wanted wanted = settings(found);
            if (settings.equals(wanted)) {
                return;
            }
            Wanted previous = settings;
            settings = wanted;
            RunningConnector old = running;
            if (old == null) {
                log.info("Connector {}: its settings changed, starting it", connector.descriptor().name());
                running = started(connector, wanted).orElse(null);
                return;
            }
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
