package dev.passerelle.server.connections;

import dev.passerelle.server.api.Expand;
import dev.passerelle.server.connectors.ConnectorCatalog;
import dev.passerelle.server.connectors.ConnectorRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Renders connections with their {@code expand}ed members (docs/protocol.md §3.1); unknown names are ignored. */
@Component
public class ConnectionViews {

    private final ConnectionRecords records;
    private final ConnectorRegistry registry;
    private final ConnectorCatalog catalog;
    private final List<ConnectionExpansion> expansions;

    ConnectionViews(ConnectionRecords records, ConnectorRegistry registry, ConnectorCatalog catalog,
                    List<ConnectionExpansion> expansions) {
        this.records = records;
        this.registry = registry;
        this.catalog = catalog;
        this.expansions = expansions;
    }

    public ConnectionView view(ConnectionRow connection, Expand expand) {
        Map<String, Object> expanded = new LinkedHashMap<>();
        if (expand.has("connector")) {
            registry.byId(connection.connectorId())
                    .ifPresent(c -> expanded.put("connector", catalog.view(c.descriptor(), expand.child("connector"))));
        }
        if (expand.has("sources")) {
            expanded.put("sources", records.sources(connection.id()).stream().map(ConnectionSourceView::of).toList());
        }
        for (ConnectionExpansion expansion : expansions) {
            for (String name : expansion.names()) {
                if (expand.has(name)) {
                    expanded.put(name, expansion.expand(name, connection.userId(), connection.id(), expand.child(name)));
                }
            }
        }
        return ConnectionView.of(connection, expanded);
    }
}
