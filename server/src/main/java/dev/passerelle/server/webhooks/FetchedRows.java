package dev.passerelle.server.webhooks;

import static dev.passerelle.server.config.DbTime.utc;

import dev.passerelle.server.documents.DocumentStore;
import dev.passerelle.server.documents.DocumentView;
import dev.passerelle.server.transactions.TransactionView;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rows one fetch inserted, for the bodies of {@code ACCOUNT_SYNCED}, {@code SUBSCRIPTION_SYNCED}
 * and {@code CONNECTION_SYNCED} (PROTOCOL-NOTES §8.2: "new transactions", "new documents"). A fetch
 * stamps what it inserts with its instant: {@code date_scraped} on operations, {@code created} on
 * documents. Rendered as the API renders them.
 */
@Component
class FetchedRows {

    private final JdbcClient jdbc;
    private final DocumentStore documents;

    FetchedRows(JdbcClient jdbc, DocumentStore documents) {
        this.jdbc = jdbc;
        this.documents = documents;
    }

    /**
     * The operations inserted on the account at {@code since} or later, oldest first: those of the
     * fetch stamped {@code since}, or of the fetches of a step that ended at {@code since}.
     */
    List<TransactionView> insertedSince(long accountId, Instant since) {
        return jdbc.sql("SELECT * FROM bank_transaction WHERE id_account = :a AND date_scraped >= :since ORDER BY tx_date, id")
                .param("a", accountId).param("since", utc(micros(since)))
                .query(TransactionView::of).list();
    }

    /** The documents inserted on the subscription at {@code since} or later, as the documents API lists them. */
    List<DocumentView> documentsInsertedSince(long userId, long subscriptionId, Instant since) {
        Set<Long> inserted = new HashSet<>(jdbc.sql("SELECT id FROM document WHERE id_subscription = :s AND created >= :since")
                .param("s", subscriptionId).param("since", utc(micros(since))).query(Long.class).list());
        if (inserted.isEmpty()) {
            return List.of();
        }
        int all = Math.toIntExact(documents.count(userId, subscriptionId));
        return documents.list(userId, subscriptionId, all, 0).stream()
                .filter(document -> inserted.contains(document.id()))
                .map(DocumentView::of)
                .toList();
    }

    /** The database keeps microseconds: a finer bound would miss rows stamped with the same instant. */
    private static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}
