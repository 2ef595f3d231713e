package dev.passerelle.server.connections;

import dev.passerelle.server.api.Expand;
import dev.passerelle.server.connectors.ConnectorCatalog;
import dev.passerelle.server.connectors.ConnectorRegistry;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.ToLongFunction;
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
        return view(connection, expand, expansions);
    }

    private ConnectionView view(ConnectionRow connection, Expand expand, List<ConnectionExpansion> expansions) {
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

    /**
     * {@code expand=connection} on the data of connections (accounts, subscriptions; docs/protocol.md
     * §7.1): each item with its connection as {@code GET /connections/{id}} shows it, itself expanded
     * by the names in the brackets that are the connection's own ({@code connection[connector[fields]]},
     * {@code sources}), not by the data, which would embed its connection again; the items as they are
     * without it. Each connection is read once, however many items share it.
     *
     * @param connectionOf the item's connection id
     * @param embed the item with its connection added
     */
    public <T> List<T> embedConnection(long userId, List<T> items, Expand expand, ToLongFunction<T> connectionOf,
                                       BiFunction<T, ConnectionView, T> embed) {
        if (!expand.has("connection")) {
            return items;
        }
        Expand sub = expand.child("connection");
        Map<Long, ConnectionView> views = new HashMap<>();
        return items.stream().map(item -> embed.apply(item, views.computeIfAbsent(connectionOf.applyAsLong(item),
                id -> records.connection(userId, id).map(connection -> view(connection, sub, List.of())).orElse(null))))
                .toList();
    }
}
