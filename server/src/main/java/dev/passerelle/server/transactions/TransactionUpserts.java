package dev.passerelle.server.transactions;

import static dev.passerelle.server.config.DbTime.stored;
import static dev.passerelle.server.config.DbTime.utc;

import dev.passerelle.connector.Transaction;
import java.sql.DatabaseMetaData;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores what a connector returned for one account, idempotently on {@code (id_account, external_id)}
 * (docs/protocol.md §7.2): new operations are inserted, changed ones (a coming operation now booked, a
 * corrected amount or wording) are updated in place with a new {@code last_update}, unchanged ones
 * are left alone, and operations of the fetched period the institution no longer shows get
 * {@code deleted}. The key is the connector's own id: {@link Transaction#externalId()} is mandatory,
 * so no key has to be derived. How the rows are written depends on the database ({@link TransactionWrites}).
 */
public class TransactionUpserts {

    private final JdbcClient jdbc;
    /** Package-visible so that a test can tell which way was chosen. */
    final TransactionWrites writes;

    TransactionUpserts(JdbcClient jdbc, TransactionWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    /**
     * The upserts for the database behind {@code dataSource}: COPY and set-based SQL on PostgreSQL,
     * JDBC batches on any other (H2). The product is asked once, here.
     */
    public static TransactionUpserts on(DataSource dataSource) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        TransactionWrites writes = "PostgreSQL".equals(productName(dataSource))
                ? new CopyTransactionWrites(dataSource, jdbc)
                : new BatchedTransactionWrites(jdbc, new NamedParameterJdbcTemplate(dataSource));
        return new TransactionUpserts(jdbc, writes);
    }

    /** What one upsert changed. */
    public record Outcome(int inserted, int updated, int deleted) {
    }

    /**
     * Stores the operations fetched for {@code accountId} from {@code since} on.
     *
     * @param fetched what the connector returned; a repeated external id counts once (the last wins)
     */
    @Transactional
    public Outcome upsert(long accountId, LocalDate since, List<Transaction> fetched, Instant now) {
        Map<String, TransactionFacts> latest = new LinkedHashMap<>();
        fetched.forEach(t -> latest.put(t.externalId(), TransactionFacts.of(t)));
        return writes.write(accountId, since, latest, now);
    }

    /** The date of the last booked, not deleted operation of the account: where the next fetch resumes. */
    public Optional<LocalDate> lastBookedDate(long accountId) {
        return jdbc.sql("SELECT MAX(tx_date) FROM bank_transaction WHERE id_account = :a AND coming = FALSE AND deleted IS NULL")
                .param("a", accountId)
                .query((rs, n) -> rs.getObject(1, LocalDate.class))
                .list().stream().filter(Objects::nonNull).findFirst();
    }

    /**
     * The operations of the account an upsert at {@code since} or later inserted ({@code date_scraped}
     * is the upsert's instant), oldest first: docs/protocol.md §8.2 "new transactions".
     */
    public List<TransactionView> insertedSince(long accountId, Instant since) {
        return jdbc.sql("SELECT " + TransactionView.COLUMNS + " FROM bank_transaction t"
                        + " WHERE t.id_account = :a AND t.date_scraped >= :since ORDER BY t.tx_date, t.id")
                .param("a", accountId).param("since", utc(stored(since)))
                .query(TransactionView::of).list();
    }

    /** Forgets every operation of the account: consent was withdrawn (GDPR). */
    public int deleteOfAccount(long accountId) {
        return jdbc.sql("DELETE FROM bank_transaction WHERE id_account = :a").param("a", accountId).update();
    }

    private static String productName(DataSource dataSource) {
        try {
            return JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("Cannot tell which database stores transactions", e);
        }
    }
}
