package dev.passerelle.server.investments;

import java.util.List;
import org.springframework.stereotype.Service;

/** What other features may ask of the investments feature. */
@Service
public class Investments {

    private final InvestmentStore store;

    Investments(InvestmentStore store) {
        this.store = store;
    }

    /** The investments an account shows now (none for an account that holds none), as the API renders them. */
    public List<InvestmentView> ofAccount(long userId, long accountId) {
        return store.list(new InvestmentStore.Scope(userId, null, accountId), null, null, false).stream()
                .map(InvestmentView::of).toList();
    }
}
