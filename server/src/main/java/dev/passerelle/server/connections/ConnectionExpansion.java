package dev.passerelle.server.connections;

import dev.passerelle.server.api.Expand;
import java.util.Set;

/**
 * Something another feature adds to a connection when asked through {@code expand}
 * ({@code accounts}, {@code all_accounts}, {@code subscriptions}, …, docs/protocol.md §3.1), so
 * the connections feature does not depend on the data features.
 */
public interface ConnectionExpansion {

    /** The {@code expand} names this contributes. */
    Set<String> names();

    /** The value of {@code name} for one connection of one user. */
    Object expand(String name, long userId, long connectionId, Expand sub);

    /**
     * What each name expands to: a list of this view (the API document's schema of connections). The
     * view's own routes embed its connection on {@code expand=connection} ({@link ConnectionViews#embedConnection}),
     * which the document adds to its schema.
     */
    Class<?> itemType();
}
