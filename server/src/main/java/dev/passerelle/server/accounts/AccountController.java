package dev.passerelle.server.accounts;

import dev.passerelle.server.api.BodyParams;
import dev.passerelle.server.api.Flags;
import dev.passerelle.server.api.IdList;
import dev.passerelle.server.auth.Caller;
import dev.passerelle.server.auth.UserPaths;
import dev.passerelle.server.connections.Connections;
import dev.passerelle.server.consent.DiscoveredRows.Visible;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The bank account routes (PROTOCOL-NOTES §7.1), each also nested under a connection. Disabled
 * accounts are hidden unless {@code ?all} is given, also to address them: activating an account
 * is {@code PUT|POST .../accounts/{id}?all} (or {@code {id1},{id2}} for several) with
 * {@code {"disabled": false}}.
 */
@RestController
class AccountController {

    private final AccountService accounts;
    private final UserPaths users;
    private final Connections connections;

    AccountController(AccountService accounts, UserPaths users, Connections connections) {
        this.accounts = accounts;
        this.users = users;
        this.connections = connections;
    }

    /** The body of an edit of several accounts at once. */
    record EditedAccounts(List<AccountView> accounts) {
    }

    @GetMapping({"/users/{user}/accounts", "/users/{user}/connections/{connection}/accounts"})
    AccountList list(Caller caller, @PathVariable String user, @PathVariable(required = false) Long connection,
                     @RequestParam(required = false) String all) {
        long userId = users.resolve(caller, user);
        return accounts.list(new Visible(userId, connections.requireOwned(userId, connection), Flags.isOn("all", all)));
    }

    @GetMapping({"/users/{user}/accounts/{account}", "/users/{user}/connections/{connection}/accounts/{account}"})
    AccountView get(Caller caller, @PathVariable String user, @PathVariable(required = false) Long connection,
                    @PathVariable long account, @RequestParam(required = false) String all) {
        return accounts.get(new Visible(users.resolve(caller, user), connection, Flags.isOn("all", all)), account);
    }

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
