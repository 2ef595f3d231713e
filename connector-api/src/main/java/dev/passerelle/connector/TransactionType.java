package dev.passerelle.connector;

/**
 * The kind of an operation, in the protocol's vocabulary of transaction types. Use {@link #OTHER}
 * with the institution's own code ({@link Transaction.Builder#type(TransactionType, String)}) for
 * anything that does not fit.
 */
public enum TransactionType {
    TRANSFER, ORDER, CHECK, DEPOSIT, PAYBACK, WITHDRAWAL, LOAN_REPAYMENT, BANK, CARD, DEFERRED_CARD,
    SUMMARY_CARD, MARKET_ORDER, MARKET_FEE, ARBITRAGE, PROFIT, REFUND, PAYOUT, PAYMENT, FEE, INSTANT,
    /** None of the above; the raw type says what the institution called it. */
    OTHER
}
