package dev.passerelle.bench;

import dev.passerelle.connector.Counterparty;
import dev.passerelle.connector.Transaction;
import dev.passerelle.runtime.WireNames;
import dev.passerelle.server.config.CopyText;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * The fastest plain ways to put the same rows in {@code bank_transaction}, with no check at all:
 * what Passerelle's upserts are measured against.
 */
final class RawBaselines {

    private static final List<String> COLUMNS = List.of("id_account", "external_id", "tx_date", "application_date",
            "rdate", "vdate", "amount", "tx_type", "original_wording", "simplified_wording", "coming",
            "original_amount", "original_currency", "card", "counterparty_label", "counterparty_scheme",
            "counterparty_identification", "counterparty_type", "wording", "date_scraped", "last_update");

    private static final String COPY = "COPY bank_transaction (" + String.join(", ", COLUMNS) + ") FROM STDIN";

    private final BenchDatabase db;

    RawBaselines(BenchDatabase db) {
        this.db = db;
    }

    /** {@code COPY bank_transaction FROM STDIN} of all the fetches' rows, in the current transaction. */
    void copy(List<BenchData> fetches, OffsetDateTime now) {
        withConnection(connection -> {
            try (Writer out = new BufferedWriter(new OutputStreamWriter(
                    new PGCopyOutputStream(connection.unwrap(PGConnection.class), COPY, 1 << 16),
                    StandardCharsets.UTF_8))) {
                CopyText rows = new CopyText(out);
                fetches.forEach(fetch -> fetch.transactions().forEach(t -> {
                    row(fetch.accountId(), t, now).forEach(rows::field);
                    rows.endRow();
                }));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static List<Object> row(long account, Transaction t, OffsetDateTime now) {
        Counterparty cp = t.counterparty();
        return Arrays.asList(account, t.externalId(), t.date(), t.applicationDate() == null ? t.date() : t.applicationDate(),
                t.rdate(), t.vdate(), t.value(), WireNames.of(t.type()), t.originalWording(), t.simplifiedWording(),
                t.coming(), t.originalValue(), t.originalCurrency(), t.card(), cp == null ? null : cp.label(),
                cp == null ? null : WireNames.of(cp.scheme()), cp == null ? null : cp.identification(),
                cp == null ? null : WireNames.of(cp.role()), t.originalWording(), now, now);
    }

    private void withConnection(SqlWork work) {
        Connection connection = DataSourceUtils.getConnection(db.dataSource);
        try {
            work.run(connection);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, db.dataSource);
        }
    }

    private interface SqlWork {
        void run(Connection connection) throws SQLException;
    }
}
