package dev.passerelle.server.accounts;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The body of {@code GET /users/{id}/accounts} (docs/protocol.md §7.1): the accounts, their count, and
 * per currency the sum of the balances and coming amounts of the listed accounts that are consented
 * and still shown by the institution (a deleted account's last balance is stale).
 */
public record AccountList(List<AccountView> accounts, int total, Map<String, BigDecimal> balances,
                          Map<String, BigDecimal> comingBalances) {

    static AccountList of(List<AccountRow> rows) {
        Map<String, BigDecimal> balances = new TreeMap<>();
        Map<String, BigDecimal> coming = new TreeMap<>();
        rows.stream().filter(a -> a.disabled() == null && a.deleted() == null).forEach(a -> {
            balances.merge(a.currency(), a.balance(), BigDecimal::add);
            coming.merge(a.currency(), a.coming() == null ? BigDecimal.ZERO : a.coming(), BigDecimal::add);
        });
        return new AccountList(rows.stream().map(AccountView::of).toList(), rows.size(), balances, coming);
    }

    /** The same list with {@code accounts} in place of its own (the same, expanded). */
    AccountList withAccounts(List<AccountView> expanded) {
        return new AccountList(expanded, total, balances, comingBalances);
    }
}
