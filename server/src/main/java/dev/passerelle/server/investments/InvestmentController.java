package dev.passerelle.server.investments;

import dev.passerelle.server.accounts.AccountService;
import dev.passerelle.server.api.ApiError;
import dev.passerelle.server.api.Flags;
import dev.passerelle.server.auth.Caller;
import dev.passerelle.server.auth.UserPaths;
import dev.passerelle.server.connections.Connections;
import dev.passerelle.server.consent.DiscoveredRows.Visible;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The investment routes, as Powens' API reference lists them ("Investments"): the user's
 * investments, or one connection's, or one account's, filtered by {@code label} (contained, any
 * case) and {@code code} (exact); and one investment's {@code history}. Investments exist only for
 * activated accounts. A connection or account of another user is not found (404).
 */
@Tag(name = "Investments", description = "The holdings of activated wealth accounts and their history.")
@RestController
class InvestmentController {

    private final InvestmentStore store;
    private final UserPaths users;
    private final Connections connections;
    private final AccountService accounts;

    InvestmentController(InvestmentStore store, UserPaths users, Connections connections, AccountService accounts) {
        this.store = store;
        this.users = users;
        this.connections = connections;
        this.accounts = accounts;
    }

    /** {@code {investments: [...], total}}. */
    record InvestmentList(List<InvestmentView> investments, int total) {
    }

    /** {@code {investmentvalues: [...], total}}. */
    record InvestmentValueList(List<InvestmentValueView> investmentvalues, int total) {
    }

    @Operation(summary = "List investments", description = "Filtered by label or code; deleted ones too with all.")
    @GetMapping({"/users/{user}/investments", "/users/{user}/accounts/{account}/investments",
            "/users/{user}/connections/{connection}/investments",
            "/users/{user}/connections/{connection}/accounts/{account}/investments"})
    InvestmentList list(Caller caller, @PathVariable String user, @PathVariable(required = false) Long connection,
                        @PathVariable(required = false) Long account, @RequestParam(required = false) String label,
                        @RequestParam(required = false) String code, @RequestParam(required = false) String all) {
        List<InvestmentView> listed = store.list(scope(caller, user, connection, account), blankToNull(label),
                blankToNull(code), Flags.isOn("all", all)).stream().map(InvestmentView::of).toList();
        return new InvestmentList(listed, listed.size());
    }

    @Operation(summary = "An investment's past values")
    @GetMapping({"/users/{user}/investments/{investment}/history",
            "/users/{user}/accounts/{account}/investments/{investment}/history",
            "/users/{user}/connections/{connection}/investments/{investment}/history",
            "/users/{user}/connections/{connection}/accounts/{account}/investments/{investment}/history"})
    InvestmentValueList history(Caller caller, @PathVariable String user, @PathVariable(required = false) Long connection,
                                @PathVariable(required = false) Long account, @PathVariable long investment) {
        InvestmentRow row = store.find(scope(caller, user, connection, account), investment)
                .orElseThrow(() -> ApiError.NOT_FOUND.exception("No investment " + investment));
        List<InvestmentValueView> values = store.history(row.id());
        return new InvestmentValueList(values, values.size());
    }

    /** The user's investments, of the path's connection and account once they are checked to be the user's. */
    private InvestmentStore.Scope scope(Caller caller, String user, Long connection, Long account) {
        long userId = users.resolve(caller, user);
        connections.requireOwned(userId, connection);
        if (account != null) {
            accounts.get(new Visible(userId, connection, true), account);
        }
        return new InvestmentStore.Scope(userId, connection, account);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
