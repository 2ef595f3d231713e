package dev.passerelle.server.accounts;

import dev.passerelle.server.consent.DiscoveredRows.Visible;
import dev.passerelle.server.users.UserDataSection;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The user's bank accounts in their data export, consented or not, as the API shows them. */
@Component
@Order(20)
class AccountsExport implements UserDataSection {

    private final AccountService accounts;

    AccountsExport(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public String name() {
        return "accounts";
    }

    @Override
    public List<AccountView> export(long userId) {
        return accounts.list(new Visible(userId, null, true)).accounts();
    }
}
