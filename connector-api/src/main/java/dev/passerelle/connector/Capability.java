package dev.passerelle.connector;

/** What a connector or one of its sources can read, as {@code GET /connectors} publishes it. */
public enum Capability {
    /** Accounts and transactions: every connector. */
    BANK,
    /** Investments ({@link WealthCapability}). */
    WEALTH,
    /** Bills and statements ({@link DocumentCapability}). */
    DOCUMENT,
    /** The holder's identity ({@link ProfileCapability}). */
    PROFILE
}
