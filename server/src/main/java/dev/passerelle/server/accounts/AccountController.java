package dev.passerelle.server.accounts;

import dev.passerelle.connector.AccountUsage;
import dev.passerelle.server.api.BodyParams;
import dev.passerelle.server.api.Expand;
import dev.passerelle.server.api.Flags;
import dev.passerelle.server.api.IdList;
import dev.passerelle.server.auth.Caller;
import dev.passerelle.server.auth.UserPaths;
import dev.passerelle.server.connections.ConnectionViews;
import dev.passerelle.server.connections.Connections;
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
 * The bank account routes (docs/protocol.md §7.1), each also nested under a connection. Disabled
 * accounts are hidden unless {@code ?all} is given, also to address them: activating an account
 * is {@code PUT|POST .../accounts/{id}?all} (or {@code {id1},{id2}} for several) with
 * {@code {"disabled": false}}.
 */
@Tag(name = "Accounts", description = "Bank accounts; only activated ones have their data fetched (docs/protocol.md).")
@RestController
class AccountController {

    private final AccountService accounts;
    private final UserPaths users;
    private final Connections connections;
    private final ConnectionViews connectionViews;

    AccountController(AccountService accounts, UserPaths users, Connections connections, ConnectionViews connectionViews) {
        this.accounts = accounts;
        this.users = users;
        this.connections = connections;
        this.connectionViews = connectionViews;
    }

    /** The body of an edit of several accounts at once. */
    record EditedAccounts(List<AccountView> accounts) {
    }

    @Operation(summary = "List the accounts", description = "Activated ones; every one with all.")
    @GetMapping({"/users/{user}/accounts", "/users/{user}/connections/{connection}/accounts"})
    AccountList list(Caller caller, @PathVariable String user, @PathVariable(required = false) Long connection,
                     @RequestParam(required = false) String all, @RequestParam(required = false) String expand) {
        long userId = users.resolve(caller, user);
        Expand expanded = Expand.parse(expand);
        AccountList list = accounts.list(new Visible(userId, connections.requireOwned(userId, connection), Flags.isOn("all", all)));
        return list.withAccounts(withConnections(userId, list.accounts(), expanded));
    }

    @Operation(summary = "Get an account", description = "A disabled one with all.")
    @GetMapping({"/users/{user}/accounts/{account}", "/users/{user}/connections/{connection}/accounts/{account}"})
    AccountView get(Caller caller, @PathVariable String user, @PathVariable(required = false) Long connection,
                    @PathVariable long account, @RequestParam(required = false) String all,
                    @RequestParam(required = false) String expand) {
        long userId = users.resolve(caller, user);
        Expand expanded = Expand.parse(expand);
        return withConnections(userId, List.of(accounts.get(new Visible(userId, connection, Flags.isOn("all", all)), account)),
                expanded).getFirst();
    }

    /** {@code expand=connection}: here rather than in the service, which a connection's own expand=accounts calls. */
    private List<AccountView> withConnections(long userId, List<AccountView> listed, Expand expand) {
        return connectionViews.embedConnection(userId, listed, expand, AccountView::idConnection, AccountView::withConnection);
    }

    @Operation(summary = "Edit one account, or several at once (comma ids)",
            description = "disabled=false activates an account (consent to fetch its data; disabled ones need all).",
            requestBody = @RequestBody(content = @Content(schemaProperties = {
                    @SchemaProperty(name = "disabled", schema = @Schema(type = "boolean")),
                    @SchemaProperty(name = "display", schema = @Schema(type = "boolean")),
                    @SchemaProperty(name = "bookmarked", schema = @Schema(type = "boolean")),
                    @SchemaProperty(name = "name", schema = @Schema(type = "string")),
                    @SchemaProperty(name = "usage", schema = @Schema(implementation = AccountUsage.class))})))
    @ApiResponse(responseCode = "200", description = "The account, or {accounts: [...]} for several ids",
            content = @Content(schema = @Schema(oneOf = {AccountView.class, EditedAccounts.class})))
    @RequestMapping(method = {RequestMethod.PUT, RequestMethod.POST},
            path = {"/users/{user}/accounts/{ids}", "/users/{user}/connections/{connection}/accounts/{ids}"})
    Object edit(Caller caller, @PathVariable String user, @PathVariable(required = false) Long connection,
                @PathVariable String ids, @RequestParam(required = false) String all, BodyParams body) {
        IdList list = IdList.parse(ids);
        List<AccountView> edited = accounts.edit(new Visible(users.resolve(caller, user), connection, Flags.isOn("all", all)),
                list, body);
        return list.several() ? new EditedAccounts(edited) : edited.getFirst();
    }
}
