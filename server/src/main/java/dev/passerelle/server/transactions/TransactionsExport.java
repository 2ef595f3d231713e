package dev.passerelle.server.transactions;

import dev.passerelle.server.api.Paging;
import dev.passerelle.server.users.UserDataSection;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The user's transactions in their data export, those the institution deleted too, newest first.
 * Only consented accounts have transactions: a disabled account's were never kept.
 */
@Component
@Order(30)
class TransactionsExport implements UserDataSection {

    private final TransactionStore store;

    TransactionsExport(TransactionStore store) {
        this.store = store;
    }

    @Override
    public String name() {
        return "transactions";
    }

    @Override
    public List<TransactionView> export(long userId) {
        TransactionFilter all = TransactionFilter.everything(userId);
        List<TransactionView> transactions = new ArrayList<>();
        List<TransactionView> page;
        do {
            page = store.page(all, new Paging(Paging.MAX_LIMIT, transactions.size()));
            transactions.addAll(page);
        } while (page.size() == Paging.MAX_LIMIT);
        return transactions;
    }
}
