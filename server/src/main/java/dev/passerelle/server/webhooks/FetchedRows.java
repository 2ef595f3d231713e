package dev.passerelle.server.webhooks;

import static dev.passerelle.server.config.DbTime.instant;
import static dev.passerelle.server.config.DbTime.utc;

import dev.passerelle.server.documents.DocumentRow;
import dev.passerelle.server.documents.DocumentStore;
import dev.passerelle.server.documents.DocumentView;
import dev.passerelle.server.transactions.TransactionView;
import dev.passerelle.server.transactions.TransactionView.Counterparty;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
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

    /** The operations the fetch of {@code fetched} inserted on the account, oldest first. */
    List<TransactionView> newTransactions(long accountId, Instant fetched) {
        return jdbc.sql("SELECT * FROM bank_transaction WHERE id_account = :a AND date_scraped = :at ORDER BY tx_date, id")
                .param("a", accountId).param("at", utc(fetched))
                .query(FetchedRows::transaction).list();
    }

    /** The documents the fetch of {@code fetched} inserted on the subscription, as the documents API lists them. */
    List<DocumentView> newDocuments(long userId, long subscriptionId, Instant fetched) {
        Set<Long> inserted = new HashSet<>(jdbc.sql("SELECT id FROM document WHERE id_subscription = :s AND created = :at")
                .param("s", subscriptionId).param("at", utc(fetched)).query(Long.class).list());
        if (inserted.isEmpty()) {
            return List.of();
        }
        int all = Math.toIntExact(documents.count(userId, subscriptionId));
        return documents.list(userId, subscriptionId, all, 0).stream()
                .filter(document -> inserted.contains(document.id()))
                .map(FetchedRows::document)
                .toList();
    }

    private static DocumentView document(DocumentRow d) {
        return new DocumentView(d.id(), d.idUser(), d.idSubscription(), d.name(), d.type(), d.date(), d.duedate(),
                d.totalAmount(), d.untaxedAmount(), d.vat(), d.currency(), d.number(), d.issuer(), d.lastUpdate(),
                "/users/" + d.idUser() + "/documents/" + d.id() + "/file");
    }

    /** A {@code bank_transaction} row on the wire, with the API's fallbacks ({@code rdate}, {@code gross_value}). */
    private static TransactionView transaction(ResultSet rs, int row) throws SQLException {
        LocalDate date = rs.getObject("tx_date", LocalDate.class);
        BigDecimal value = rs.getBigDecimal("amount");
        LocalDate bankDate = rs.getObject("rdate", LocalDate.class);
        BigDecimal gross = rs.getBigDecimal("gross_amount");
        Counterparty counterparty = new Counterparty(rs.getString("counterparty_label"),
                rs.getString("counterparty_scheme"), rs.getString("counterparty_identification"),
                rs.getString("counterparty_type"));
        boolean noCounterparty = counterparty.equals(new Counterparty(null, null, null, null));
        return new TransactionView(rs.getLong("id"), rs.getLong("id_account"),
                rs.getObject("application_date", LocalDate.class), date, bankDate != null ? bankDate : date,
                rs.getObject("vdate", LocalDate.class), value, gross != null ? gross : value, rs.getString("tx_type"),
                rs.getString("original_wording"), rs.getString("simplified_wording"), rs.getString("wording"),
                rs.getBoolean("coming"), rs.getBoolean("active"), rs.getString("user_comment"), rs.getString("card"),
                rs.getBigDecimal("original_amount"), rs.getString("original_currency"),
                noCounterparty ? null : counterparty, instant(rs, "date_scraped"), instant(rs, "last_update"),
                instant(rs, "deleted"), List.of());
    }
}
