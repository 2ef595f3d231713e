package dev.passerelle.server.documents;

import dev.passerelle.server.api.Expand;
import dev.passerelle.server.connections.ConnectionExpansion;
import dev.passerelle.server.consent.DiscoveredRows.Visible;
import java.util.Set;
import org.springframework.stereotype.Component;

/** {@code expand=subscriptions} (enabled ones) and {@code expand=all_subscriptions} on connections (docs/protocol.md §3.1). */
@Component
class SubscriptionsOfConnection implements ConnectionExpansion {

    private final SubscriptionStore subscriptions;

    SubscriptionsOfConnection(SubscriptionStore subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Override
    public Set<String> names() {
        return Set.of("subscriptions", "all_subscriptions");
    }

    @Override
    public Object expand(String name, long userId, long connectionId, Expand sub) {
        return subscriptions.list(new Visible(userId, connectionId, name.equals("all_subscriptions"))).stream()
                .map(SubscriptionView::of).toList();
    }

    @Override
    public Class<?> itemType() {
        return SubscriptionView.class;
    }
}
