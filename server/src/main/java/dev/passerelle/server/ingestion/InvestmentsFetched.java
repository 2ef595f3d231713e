package dev.passerelle.server.ingestion;

import dev.passerelle.connector.Investment;
import dev.passerelle.connector.InvestmentValue;
import java.time.Instant;
import java.util.List;

/**
 * Published when the investments of a consented account were fetched, inside the transaction that
 * stores the account's data, just before {@link AccountSynced}: the investments feature stores them.
 *
 * @param holdings every line the institution shows on the account, each with its history
 */
public record InvestmentsFetched(long userId, long connectionId, long accountId, List<Holding> holdings,
                                 Instant fetched) {

    public InvestmentsFetched {
        holdings = List.copyOf(holdings);
    }

    /** One line and its past unit values. */
    public record Holding(Investment investment, List<InvestmentValue> history) {
        public Holding {
            history = List.copyOf(history);
        }
    }
}
