package dev.passerelle.server.investments;

import dev.passerelle.server.consent.ConsentChanged;
import dev.passerelle.server.consent.DiscoveredRows.Kind;
import dev.passerelle.server.ingestion.InvestmentsFetched;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the investment tables in step with the data feature: stores what a sync fetched for an
 * activated account, and deletes an account's investments when the user withdraws consent (GDPR),
 * in the transaction that records it.
 */
@Component
class InvestmentSync {

    private final InvestmentStore store;

    InvestmentSync(InvestmentStore store) {
        this.store = store;
    }

    @EventListener
    void on(InvestmentsFetched event) {
        store.upsert(event.accountId(), event.connectionId(), event.userId(), event.holdings(), event.fetched());
    }

    @EventListener
    void on(ConsentChanged event) {
        if (event.kind() == Kind.ACCOUNT && event.disabled()) {
            store.deleteOfAccount(event.id());
        }
    }
}
