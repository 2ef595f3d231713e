package dev.passerelle.client;

import dev.passerelle.client.model.Subscription;
import java.util.List;
import java.util.Map;

/** A user's subscriptions (bill providers; docs/data.md): like accounts, consented to one by one. */
public final class SubscriptionService {

    private final Transport transport;
    private final String base;

    SubscriptionService(Transport transport, String user) {
        this.transport = transport;
        this.base = user + "/subscriptions";
    }

    /** The user's subscriptions; disabled ones too with {@code all}; {@code expand} as for accounts ({@code connection}). */
    public List<Subscription> list(boolean all, String... expand) {
        return transport.list("GET", base, Query.of().flag("all", all).expand(expand), null, "subscriptions",
                Subscription.class);
    }

    public Subscription get(long id, boolean all, String... expand) {
        return transport.get(base + "/" + id, Query.of().flag("all", all).expand(expand), Subscription.class);
    }

    /** The user's consent: enables the subscriptions and fetches their documents now. */
    public List<Subscription> enable(long... ids) {
        return setDisabled(false, ids);
    }

    /** Withdraws consent: their documents are deleted. */
    public List<Subscription> disable(long... ids) {
        return setDisabled(true, ids);
    }

    private List<Subscription> setDisabled(boolean disabled, long... ids) {
        return transport.editByIds(base, ids, Map.of("disabled", disabled), "subscriptions", Subscription.class);
    }
}
