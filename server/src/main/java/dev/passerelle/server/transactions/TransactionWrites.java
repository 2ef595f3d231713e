package dev.passerelle.server.transactions;

import dev.passerelle.server.transactions.TransactionUpserts.Outcome;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * How one account's fetched transactions reach the database, chosen once by the database product
 * ({@link TransactionUpserts#on}): COPY through a staging table on PostgreSQL, JDBC batches elsewhere.
 * Both store the same rows and count the same outcome; callers run them inside a transaction.
 */
interface TransactionWrites {

    /**
     * Inserts the new external ids, updates the stored rows whose facts differ (or that were
     * deleted), and flags as deleted the stored rows dated {@code since} or later that
     * {@code latest} no longer names.
     *
     * @param latest the fetched facts by external id, each id once
     */
    Outcome write(long accountId, LocalDate since, Map<String, TransactionFacts> latest, Instant now);
}
