package dev.passerelle.server.usersupport;

import dev.passerelle.server.accounts.AccountService;
import dev.passerelle.server.accounts.AccountView;
import dev.passerelle.server.api.ApiError;
import dev.passerelle.server.api.ApiException;
import dev.passerelle.server.config.UserTime;
import dev.passerelle.server.connections.ConnectionDeletion;
import dev.passerelle.server.connections.ConnectionRow;
import dev.passerelle.server.connections.ConnectionSyncs;
import dev.passerelle.server.connections.ConnectionTimeline;
import dev.passerelle.server.connections.ConnectionTimeline.Actor;
import dev.passerelle.server.connections.Connections;
import dev.passerelle.server.connectors.ConnectorRegistry;
import dev.passerelle.server.consent.DiscoveredRows.Visible;
import dev.passerelle.server.console.ConsoleController;
import dev.passerelle.server.console.Operator;
import dev.passerelle.server.testclock.UserClocks;
import dev.passerelle.server.users.User;
import dev.passerelle.server.users.UserAccounts;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's support pages: a user (its client, connections and accounts) and one connection
 * (state and sources, accounts enabled or not, last sync, {@code next_try}, the timeline of every
 * transition with its cause and the institution's message), with the operator's actions: sync
 * now, delete, and in sandbox mode move the user's clock.
 */
@ConsoleController
class UserSupportPages {

    static final int TIMELINE = 200;

    private final UserAccounts users;
    private final Connections connections;
    private final ConnectionSyncs syncs;
    private final ConnectionDeletion deletion;
    private final ConnectionTimeline timeline;
    private final AccountService accounts;
    private final ConnectorRegistry registry;
    private final ObjectProvider<UserClocks> clocks;

    UserSupportPages(UserAccounts users, Connections connections, ConnectionSyncs syncs, ConnectionDeletion deletion,
                     ConnectionTimeline timeline, AccountService accounts, ConnectorRegistry registry,
                     ObjectProvider<UserClocks> clocks) {
        this.users = users;
        this.connections = connections;
        this.syncs = syncs;
        this.deletion = deletion;
        this.timeline = timeline;
        this.accounts = accounts;
        this.registry = registry;
        this.clocks = clocks;
    }

    /** A connection's line: the connection and its connector's name. */
    record Line(ConnectionRow connection, String connector) {
    }

    @GetMapping("/console/users/{id}")
    String user(Operator operator, @PathVariable long id, Model model) {
        User user = users.find(id).orElseThrow(() -> ApiError.NOT_FOUND.exception("No user " + id));
        model.addAttribute("user", user);
        model.addAttribute("connections", connections.list(id).stream().map(c -> new Line(c, connectorName(c))).toList());
        model.addAttribute("accounts", accounts.list(new Visible(id, null, true)).accounts());
        clocks.ifAvailable(userClocks -> model.addAttribute("clockOffset", userClocks.offset(id)));
        return "console/user";
    }

    /**
     * {@code syncFailed}: the error code a sync of this page ended with ({@link #sync}), shown in an
     * alert. Only one of the API's codes is shown: the address is anybody's to write, and the alert
     * would otherwise show whatever text a link put there in the console's own voice (content
     * spoofing, OWASP WSTG-CLNT-03).
     */
    @GetMapping("/console/users/{user}/connections/{id}")
    String connection(Operator operator, @PathVariable long user, @PathVariable long id,
                      @RequestParam(required = false) String syncFailed, Model model) {
        Arrays.stream(ApiError.values()).map(ApiError::code).filter(code -> code.equals(syncFailed)).findFirst()
                .ifPresent(code -> model.addAttribute("syncFailed", code));
        ConnectionRow connection = connections.get(user, id);
        List<AccountView> ofConnection = accounts.list(new Visible(user, id, true)).accounts();
        model.addAttribute("userId", user);
        model.addAttribute("connection", connection);
        model.addAttribute("connector", connectorName(connection));
        model.addAttribute("sources", connections.sources(user, id));
        model.addAttribute("accounts", ofConnection);
        model.addAttribute("events", timeline.events(id, TIMELINE, 0));
        clocks.ifAvailable(userClocks -> model.addAttribute("clockOffset", userClocks.offset(user)));
        return "console/connection";
    }

    /** A sync without the user (as the scheduler's, {@code psu_requested=false}), recorded as the operator's. */
    @PostMapping("/console/users/{user}/connections/{id}/sync")
    String sync(Operator operator, @PathVariable long user, @PathVariable long id) {
        String outcome;
        try {
            UserTime.run(user, () -> syncs.sync(user, id, false, false, Actor.ADMIN, null));
            outcome = "synced";
        } catch (ApiException failed) {
            outcome = "syncFailed=" + failed.error().code();
        }
        return "redirect:/console/users/" + user + "/connections/" + id + "?" + outcome;
    }

    @PostMapping("/console/users/{user}/connections/{id}/delete")
    String delete(Operator operator, @PathVariable long user, @PathVariable long id) {
        deletion.delete(user, id);
        return "redirect:/console/users/" + user + "?deleted";
    }

    /** Sandbox mode: moves the user's clock forward by whole days, to see consents expire and syncs fall due. */
    @PostMapping("/console/users/{user}/clock")
    String clock(Operator operator, @PathVariable long user, @RequestParam int days,
                 @RequestParam(required = false) Long connection) {
        UserClocks userClocks = clocks.getIfAvailable();
        if (userClocks == null) {
            throw ApiError.NOT_FOUND.exception("The sandbox clock exists in sandbox mode only");
        }
        if (days < 1 || days > 3650) {
            throw ApiError.INVALID_VALUE.exception("Move the clock by 1 to 3650 days");
        }
        users.find(user).orElseThrow(() -> ApiError.NOT_FOUND.exception("No user " + user));
        userClocks.advance(user, Duration.ofDays(days));
        return "redirect:/console/users/" + user + (connection == null ? "" : "/connections/" + connection) + "?clock";
    }

    private String connectorName(ConnectionRow connection) {
        return registry.byId(connection.connectorId()).map(c -> c.descriptor().name())
                .orElse("#" + connection.connectorId());
    }
}
