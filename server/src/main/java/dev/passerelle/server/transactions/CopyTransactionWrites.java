package dev.passerelle.server.transactions;

import static dev.passerelle.server.config.DbTime.utc;
import static dev.passerelle.server.transactions.TransactionSql.FLAG_DELETED;
import static dev.passerelle.server.transactions.TransactionSql.INSERT_INTO;

import dev.passerelle.server.config.CopyText;
import dev.passerelle.server.transactions.TransactionUpserts.Outcome;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes transactions on PostgreSQL with set-based SQL: the fetched rows are streamed with
 * {@code COPY} into a temporary staging table, then one {@code UPDATE ... FROM} brings the stored
 * rows whose facts differ up to date, one {@code INSERT ... SELECT} adds the new ones and one
 * {@code UPDATE} flags the vanished ones: four statements whatever the number of rows. An account
 * that has no transaction yet (its first sync) has nothing to compare with: its rows are copied
 * straight into {@code bank_transaction}, as fast as a raw {@code COPY} (docs/performance.md, P1).
 * Each write first locks the account's row, so that two writes of one account (an activation
 * during a sync) take turns and the first sync's copy never meets a row inserted meanwhile.
 *
 * <p>The staging table lives in the session of the transaction's connection, so every statement
 * must run on that connection: hence a transaction is required, and the COPY goes through the very
 * connection Spring bound to it.
 */
final class CopyTransactionWrites implements TransactionWrites {

    private static final UnaryOperator<String> STAGED = column -> "s." + column;

    // Typed like bank_transaction's own columns, so that comparing and copying need no cast. Created
    // once per database session and emptied at each commit rather than created and dropped in every
    // transaction: that would write the system catalogs at each upsert (and bloat them). Its key
    // keeps the joins below fast whatever the planner guesses of a table it has no statistics on
    // (a generic plan once picked a nested loop over the whole staging table for each stored row).
    private static final String STAGE = "CREATE TEMP TABLE IF NOT EXISTS tx_staging ON COMMIT DELETE ROWS AS"
            + " SELECT external_id, " + TransactionSql.facts(c -> c) + " FROM bank_transaction WITH NO DATA;"
            + " CREATE UNIQUE INDEX IF NOT EXISTS tx_staging_key ON tx_staging (external_id)";

    private static final String COPY = "COPY tx_staging (external_id, " + TransactionSql.facts(c -> c)
            + ") FROM STDIN";

    private static final String UPDATE = "UPDATE bank_transaction t SET " + TransactionSql.setFacts(STAGED)
            + " FROM tx_staging s WHERE t.id_account = :account AND t.external_id = s.external_id"
            + " AND (t.deleted IS NOT NULL OR (" + TransactionSql.facts(c -> TransactionSql.storedFact(c, r -> "t." + r))
            + ") IS DISTINCT FROM ("
            + TransactionSql.facts(STAGED) + "))";

    // NOT EXISTS skips the known rows cheaply; ON CONFLICT DO NOTHING still lets a racing insert of
    // the same operation (an activation during a sync) win, as on the batched path.
    private static final String INSERT = INSERT_INTO + "SELECT " + TransactionSql.insertValues(":account", STAGED)
            + " FROM tx_staging s WHERE NOT EXISTS (SELECT 1 FROM bank_transaction t"
            + " WHERE t.id_account = :account AND t.external_id = s.external_id) ON CONFLICT DO NOTHING";

    private static final String COPY_NEW = "COPY bank_transaction (id_account, external_id, " + TransactionSql.facts(c -> c)
            + ", wording, date_scraped, last_update) FROM STDIN";

    private static final String VANISHED = FLAG_DELETED
            + "t.id_account = :account AND t.deleted IS NULL AND t.tx_date >= :since"
            + " AND NOT EXISTS (SELECT 1 FROM tx_staging s WHERE s.external_id = t.external_id)";

    private static final int COPY_BUFFER = 1 << 16;

    private final DataSource dataSource;
    private final JdbcClient jdbc;

    CopyTransactionWrites(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    @Override
    public Outcome write(long accountId, LocalDate since, Map<String, TransactionFacts> latest, Instant now) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("The COPY path stages rows in its transaction's session: start one first");
        }
        if (firstWriteOf(accountId)) {
            copy(COPY_NEW, latest, (externalId, facts, rows) -> {
                rows.field(accountId).field(externalId);
                facts.values().forEach(rows::field);
                rows.field(facts.originalWording()).field(utc(now)).field(utc(now));
            });
            return new Outcome(latest.size(), 0, 0);
        }
        jdbc.sql(STAGE).update();
        copy(COPY, latest, (externalId, facts, rows) -> {
            rows.field(externalId);
            facts.values().forEach(rows::field);
        });
        int updated = jdbc.sql(UPDATE).param("account", accountId).param("now", utc(now)).update();
        int inserted = jdbc.sql(INSERT).param("account", accountId).param("now", utc(now)).update();
        int deleted = jdbc.sql(VANISHED).param("account", accountId).param("since", since).param("now", utc(now))
                .update();
        // A second upsert in the same transaction must not see these rows.
        jdbc.sql("DELETE FROM tx_staging").update();
        return new Outcome(inserted, updated, deleted);
    }

    /** Locks the account's row for this transaction; true when the account has no transaction stored yet. */
    private boolean firstWriteOf(long accountId) {
        jdbc.sql("SELECT id FROM bank_account WHERE id = :account FOR NO KEY UPDATE").param("account", accountId)
                .query(Long.class).optional();
        return !jdbc.sql("SELECT EXISTS (SELECT 1 FROM bank_transaction WHERE id_account = :account)")
                .param("account", accountId).query(Boolean.class).single();
    }

    /** Streams one row per fetched transaction, as {@code row} writes it, into {@code copy}. */
    private void copy(String copy, Map<String, TransactionFacts> latest, CopyRow row) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (Writer out = new BufferedWriter(new OutputStreamWriter(
                new PGCopyOutputStream(connection.unwrap(PGConnection.class), copy, COPY_BUFFER),
                StandardCharsets.UTF_8))) {
            CopyText rows = new CopyText(out);
            latest.forEach((externalId, facts) -> {
                row.write(externalId, facts, rows);
                rows.endRow();
            });
        } catch (SQLException e) {
            throw new UncategorizedSQLException("copying transactions", copy, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private interface CopyRow {
        void write(String externalId, TransactionFacts facts, CopyText rows);
    }
}
