package dev.passerelle.server.documents;

import dev.passerelle.server.api.ApiError;
import dev.passerelle.server.api.BodyParams;
import dev.passerelle.server.api.Expand;
import dev.passerelle.server.api.Flags;
import dev.passerelle.server.api.IdList;
import dev.passerelle.server.auth.Caller;
import dev.passerelle.server.auth.UserPaths;
import dev.passerelle.server.connections.ConnectionViews;
import dev.passerelle.server.connections.Connections;
import dev.passerelle.server.consent.Consent;
import dev.passerelle.server.consent.DiscoveredRows.Kind;
import dev.passerelle.server.consent.DiscoveredRows.Visible;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The subscription routes (docs/protocol.md §7.3), each also nested under a connection. Like accounts,
 * subscriptions arrive disabled; {@code {"disabled": false}} on one or several ({@code {id1},{id2}})
 * with {@code ?all} is the user's consent and fetches their documents, {@code true} deletes them.
 */
@Tag(name = "Documents")
@RestController
class SubscriptionController {

    private final SubscriptionStore store;
    private final Consent consent;
    private final UserPaths users;
    private final Connections connections;
    private final ConnectionViews connectionViews;

    SubscriptionController(SubscriptionStore store, Consent consent, UserPaths users, Connections connections,
                           ConnectionViews connectionViews) {
        this.store = store;
        this.consent = consent;
        this.users = users;
        this.connections = connections;
        this.connectionViews = connectionViews;
    }

    record SubscriptionList(List<SubscriptionView> subscriptions, int total) {
    }

    @Operation(summary = "List subscriptions", description = "Activated ones; every one with all.")
    @GetMapping({"/users/{user}/subscriptions", "/users/{user}/connections/{connection}/subscriptions"})
    SubscriptionList list(Caller caller, @PathVariable String user, @PathVariable(required = false) Long connection,
                          @RequestParam(required = false) String all, @RequestParam(required = false) String expand) {
        long userId = users.resolve(caller, user);
        Expand expanded = Expand.parse(expand);
        List<SubscriptionView> listed = store.list(new Visible(userId, connections.requireOwned(userId, connection),
                Flags.isOn("all", all))).stream().map(SubscriptionView::of).toList();
        return new SubscriptionList(withConnections(userId, listed, expanded), listed.size());
    }

    @Operation(summary = "Get a subscription")
    @GetMapping({"/users/{user}/subscriptions/{subscription}",
            "/users/{user}/connections/{connection}/subscriptions/{subscription}"})
    SubscriptionView get(Caller caller, @PathVariable String user, @PathVariable(required = false) Long connection,
                         @PathVariable long subscription, @RequestParam(required = false) String all,
                         @RequestParam(required = false) String expand) {
        long userId = users.resolve(caller, user);
        Expand expanded = Expand.parse(expand);
        return withConnections(userId, List.of(SubscriptionView.of(find(new Visible(userId, connection, Flags.isOn("all", all)),
                subscription))), expanded).getFirst();
    }

    /** {@code expand=connection} (docs/protocol.md §7.3). */
    private List<SubscriptionView> withConnections(long userId, List<SubscriptionView> listed, Expand expand) {
        return connectionViews.embedConnection(userId, listed, expand, SubscriptionView::idConnection,
                SubscriptionView::withConnection);
    }

    @Operation(summary = "Activate or disable one subscription, or several at once (comma ids)",
            requestBody = @RequestBody(content = @Content(schemaProperties =
                    @SchemaProperty(name = "disabled", schema = @Schema(type = "boolean")))))
    @ApiResponse(responseCode = "200", description = "The subscription, or {subscriptions: [...], total} for several ids",
            content = @Content(schema = @Schema(oneOf = {SubscriptionView.class, SubscriptionList.class})))
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
