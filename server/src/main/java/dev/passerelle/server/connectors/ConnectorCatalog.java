package dev.passerelle.server.connectors;

import dev.passerelle.connector.ConnectorDescriptor;
import dev.passerelle.connector.SourceDescriptor;
import dev.passerelle.server.api.Expand;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Builds the views of connectors: the public catalogue's, which publishes only enabled sources, and
 * the config token's, which shows every source with the time it was disabled and whether the
 * connector is hidden.
 */
@Component
public class ConnectorCatalog {

    private final ConnectorRegistry registry;
    private final ConnectorSwitches switches;

    public ConnectorCatalog(ConnectorRegistry registry, ConnectorSwitches switches) {
        this.registry = registry;
        this.switches = switches;
    }

    /** The connector as {@code GET /connectors/{id}} shows it, with {@code expand} applied. */
    public ConnectorView view(ConnectorDescriptor connector, Expand expand) {
        return ConnectorView.of(connector, false, sources(connector), expand);
    }

    /** The connector as the config token sees it: hidden or not, every source. */
    public ConnectorView adminView(ConnectorDescriptor connector, Expand expand) {
        return ConnectorView.of(connector, switches.hidden(connector), allSources(connector), expand);
    }

    /** Its enabled sources, in priority order. */
    public List<SourceView> sources(ConnectorDescriptor connector) {
        return registry.enabledSources(connector).stream().map(s -> SourceView.of(connector, s, null)).toList();
    }

    /** Every source, in priority order, with the time it was disabled (null while enabled). */
    public List<SourceView> allSources(ConnectorDescriptor connector) {
        return connector.sources().stream().map(s -> SourceView.of(connector, s, disabled(connector, s))).toList();
    }

    private Instant disabled(ConnectorDescriptor connector, SourceDescriptor source) {
        return switches.disabledSince(connector, source)
                .or(() -> switches.whyOff(connector, source).map(why -> switches.started()))
                .orElse(null);
    }
}
