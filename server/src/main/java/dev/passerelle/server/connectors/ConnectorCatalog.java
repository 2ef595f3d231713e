package dev.passerelle.server.connectors;

import dev.passerelle.connector.ConnectorDescriptor;
import dev.passerelle.server.api.Expand;
import java.util.List;
import org.springframework.stereotype.Component;

/** Builds the published views of connectors, honouring the sources the configuration disables. */
@Component
public class ConnectorCatalog {

    private final ConnectorRegistry registry;

    public ConnectorCatalog(ConnectorRegistry registry) {
        this.registry = registry;
    }

    /** The connector as {@code GET /connectors/{id}} shows it, with {@code expand} applied. */
    public ConnectorView view(ConnectorDescriptor connector, Expand expand) {
        return ConnectorView.of(connector, sources(connector), expand);
    }

    /** Its enabled sources, in priority order. */
    public List<SourceView> sources(ConnectorDescriptor connector) {
        return registry.enabledSources(connector).stream().map(s -> SourceView.of(connector, s)).toList();
    }
}
