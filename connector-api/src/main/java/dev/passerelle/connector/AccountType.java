package dev.passerelle.connector;

/**
 * The kind of a bank account, in the protocol's vocabulary of account types. Institutions name
 * their products freely: map what fits and use {@link #OTHER} for the rest, giving the institution's
 * own word to {@link Account.Builder#type(AccountType, String)} so that it is never lost.
 */
public enum AccountType {
    CHECKING, SAVINGS, DEPOSIT, LOAN, MARKET, JOINT, PEA, CARD, LIFEINSURANCE, PEE, PERCO, ARTICLE83, RSP,
    CAPITALISATION, PERP, MADELIN, CROWDLENDING, REAL_ESTATE, PER,
    /** Regulated French savings books, kinds of {@link #SAVINGS}. */
    LIVRET_A, LIVRET_B, LDDS, CEL, PEL, CSL, CAT,
    /** None of the above; the account's raw type says what the institution called it. */
    OTHER
}
