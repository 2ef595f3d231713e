package dev.passerelle.connector;

import java.util.List;

/**
 * A connector that reads the investments of market and life-insurance accounts
 * ({@link Capability#WEALTH}). Asked only for accounts the user activated.
 */
public interface WealthCapability {

    /** The lines of one account; external ids stable within the account. */
    List<Investment> investments(ConnectionContext ctx, Account account);

    /** The past unit values of one investment, oldest first; empty when the institution keeps none. */
    default List<InvestmentValue> history(ConnectionContext ctx, Account account, Investment investment) {
        return List.of();
    }
}
