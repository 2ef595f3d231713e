package dev.passerelle.server.transactions;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The SQL both ways of writing transactions share, so that the batched path (H2) and the COPY path
 * (PostgreSQL) store exactly the same rows. A fragment takes the expression that reads one column's
 * new value: a named parameter ({@code :amount}) in a batch, a staging column ({@code s.amount})
 * in set-based SQL. The updated row is always aliased {@code t}.
 */
final class TransactionSql {

    /** The columns of what the institution says, in {@link TransactionFacts} order. */
    static final List<String> FACTS = List.of("tx_date", "application_date", "rdate", "vdate", "amount", "tx_type",
            "original_wording", "simplified_wording", "coming", "original_amount", "original_currency", "card",
            "counterparty_label", "counterparty_scheme", "counterparty_identification", "counterparty_type");

    private static final String APPLICATION_DATE = "application_date";
    private static final String BANK_APPLICATION_DATE = "bank_application_date";

    static final String INSERT_INTO = "INSERT INTO bank_transaction (id_account, external_id, " + String.join(", ", FACTS)
            + ", wording, date_scraped, last_update) ";

    /** Flags rows as no longer shown; the caller adds which ones. */
    static final String FLAG_DELETED = "UPDATE bank_transaction t SET deleted = :now, last_update = :now WHERE ";

    private TransactionSql() {
    }

    /** Each fact column as {@code source} reads it, comma-separated. */
    static String facts(UnaryOperator<String> source) {
        return FACTS.stream().map(source).collect(Collectors.joining(", "));
    }

    /**
     * The values of {@link #INSERT_INTO}'s columns: {@code account}, then the external id and facts
     * as {@code source} reads them; the shown wording starts as the bank's, and the row is scraped
     * and updated {@code :now}.
     */
    static String insertValues(String account, UnaryOperator<String> source) {
        return account + ", " + source.apply("external_id") + ", " + facts(source) + ", "
                + source.apply("original_wording") + ", :now, :now";
    }

    /**
     * A fact column of a stored row as the bank last gave it, the row's columns named by {@code row}:
     * {@code application_date} is the user's own while {@code bank_application_date} holds the bank's
     * (V29), so that a user's date neither reads as a change of the bank's nor hides one.
     */
    static String storedFact(String column, UnaryOperator<String> row) {
        return column.equals(APPLICATION_DATE)
                ? "COALESCE(" + row.apply(BANK_APPLICATION_DATE) + ", " + row.apply(APPLICATION_DATE) + ")"
                : row.apply(column);
    }

    /**
     * The {@code SET} list that brings a stored row {@code t} to the fetched facts, un-deleting it.
     * What the user changed survives a change of the bank's: a wording that differs from the bank's
     * (the bank's is {@code original_wording}), an application date the user moved (the bank's then
     * follows in {@code bank_application_date}). SQL evaluates every right-hand side on the row as
     * it was, whatever the order.
     */
    static String setFacts(UnaryOperator<String> source) {
        String bankDate = source.apply(APPLICATION_DATE);
        return Stream.concat(FACTS.stream().filter(column -> !column.equals(APPLICATION_DATE))
                                .map(column -> column + " = " + source.apply(column)),
                        Stream.of("wording = CASE WHEN t.wording = t.original_wording THEN "
                                        + source.apply("original_wording") + " ELSE t.wording END",
                                "application_date = CASE WHEN t.bank_application_date IS NULL THEN " + bankDate
                                        + " ELSE t.application_date END",
                                "bank_application_date = CASE WHEN t.bank_application_date IS NULL THEN NULL ELSE "
                                        + bankDate + " END",
                                "last_update = :now", "deleted = NULL"))
                .collect(Collectors.joining(", "));
    }
}
