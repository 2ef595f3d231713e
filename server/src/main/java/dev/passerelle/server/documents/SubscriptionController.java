package dev.passerelle.server.documents;

import dev.passerelle.server.api.ApiError;
import dev.passerelle.server.api.BodyParams;
import dev.passerelle.server.api.Flags;
import dev.passerelle.server.api.IdList;
import dev.passerelle.server.auth.Caller;
import dev.passerelle.server.auth.UserPaths;
import dev.passerelle.server.connections.Connections;
import dev.passerelle.server.consent.Consent;
import dev.passerelle.server.consent.DiscoveredRows.Kind;
import dev.passerelle.server.consent.DiscoveredRows.Visible;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The subscription routes (PROTOCOL-NOTES §7.3), each also nested under a connection. Like accounts,
 * subscriptions arrive disabled; {@code {"disabled": false}} on one or several ({@code {id1},{id2}})
 * with {@code ?all} is the user's consent and fetches their documents, {@code true} deletes them.
 */
@RestController
class SubscriptionController {

    private final SubscriptionStore store;
    private final Consent consent;
    private final UserPaths users;
    private final Connections connections;

    SubscriptionController(SubscriptionStore store, Consent consent, UserPaths users, Connections connections) {
        this.store = store;
        this.consent = consent;
        this.users = users;
        this.connections = connections;
    }

    record SubscriptionList(List<SubscriptionView> subscriptions, int total) {
    }

    @GetMapping({"/users/{user}/subscriptions", "/users/{user}/connections/{connection}/subscriptions"})
    SubscriptionList list(Caller caller, @PathVariable String user, @PathVariable(required = false) Long connection,
                          @RequestParam(required = false) String all) {
        long userId = users.resolve(caller, user);
        List<SubscriptionView> listed = store.list(new Visible(userId, connections.requireOwned(userId, connection),
                Flags.isOn("all", all))).stream().map(SubscriptionView::of).toList();
        return new SubscriptionList(listed, listed.size());
    }

    @GetMapping({"/users/{user}/subscriptions/{subscription}",
            "/users/{user}/connections/{connection}/subscriptions/{subscription}"})
    SubscriptionView get(Caller caller, @PathVariable String user, @PathVariable(required = false) Long connection,
                         @PathVariable long subscription, @RequestParam(required = false) String all) {
        return SubscriptionView.of(find(new Visible(users.resolve(caller, user), connection, Flags.isOn("all", all)), subscription));
    }

    @RequestMapping(method = {RequestMethod.PUT, RequestMethod.POST},
            path = {"/users/{user}/subscriptions/{ids}", "/users/{user}/connections/{connection}/subscriptions/{ids}"})
    Object edit(Caller caller, @PathVariable String user, @PathVariable(required = false) Long connection,
                @PathVariable String ids, @RequestParam(required = false) String all, BodyParams body) {
        Visible visible = new Visible(users.resolve(caller, user), connection, Flags.isOn("all", all));
        IdList list = IdList.parse(ids);
        List<SubscriptionRow> targets = list.ids().stream().map(id -> find(visible, id)).toList();
        body.bool("disabled").ifPresent(disable -> targets.forEach(
                s -> consent.set(Kind.SUBSCRIPTION, s.id(), s.disabled() != null, disable)));
        List<SubscriptionView> edited = targets.stream()
                .map(s -> SubscriptionView.of(find(visible.withAll(), s.id()))).toList();
        return list.several() ? new SubscriptionList(edited, edited.size()) : edited.getFirst();
    }

    private SubscriptionRow find(Visible visible, long id) {
        return store.find(visible, id).orElseThrow(() -> ApiError.NOT_FOUND.exception(
                "No subscription " + id + (visible.all() ? "" : " (disabled ones need ?all)")));
    }
}
