package dev.passerelle.server.accounts;

import dev.passerelle.server.api.Expand;
import dev.passerelle.server.connections.ConnectionExpansion;
import dev.passerelle.server.consent.DiscoveredRows.Visible;
import java.util.Set;
import org.springframework.stereotype.Component;

/** {@code expand=accounts} (enabled ones) and {@code expand=all_accounts} on connections (docs/protocol.md §3.1). */
@Component
class AccountsOfConnection implements ConnectionExpansion {

    private final AccountService accounts;

    AccountsOfConnection(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public Set<String> names() {
        return Set.of("accounts", "all_accounts");
    }

    @Override
    public Object expand(String name, long userId, long connectionId, Expand sub) {
        return accounts.list(new Visible(userId, connectionId, name.equals("all_accounts"))).accounts();
    }

    @Override
    public Class<?> itemType() {
        return AccountView.class;
    }
}
