package dev.passerelle.server.documents;

import static dev.passerelle.server.config.DbTime.instant;
import static dev.passerelle.server.config.DbTime.stored;
import static dev.passerelle.server.config.DbTime.utc;

import dev.passerelle.connector.Document;
import dev.passerelle.runtime.WireNames;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SQL of {@code document} (docs/protocol.md §7.3): idempotent storage of what a connector returned
 * for a subscription, and the owner-filtered reads of the document endpoints. Documents of a
 * subscription without consent are never read.
 */
@Component
public class DocumentStore {

    private static final String COLUMNS = """
            SELECT d.id, d.id_user, d.id_subscription, d.external_id, d.name, d.doc_type, d.doc_date, d.duedate,
                d.total_amount, d.untaxed_amount, d.vat, d.currency, d.doc_number, d.issuer, d.content_type,
                d.last_update
            FROM document d JOIN subscription s ON s.id = d.id_subscription
            """;

    private final JdbcClient jdbc;

    public DocumentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The external ids of the documents stored for a subscription: their files need not be asked again. */
    public Set<String> storedExternalIds(long subscriptionId) {
        return Set.copyOf(jdbc.sql("SELECT external_id FROM document WHERE id_subscription = :s")
                .param("s", subscriptionId).query(String.class).list());
    }

    /**
     * Stores the documents fetched for a subscription: new ones are inserted with their file (from
     * {@code files}, by external id; a new document without its file is left for the next fetch),
     * known ones rewritten only when their description changed (a document's file does not change
     * once issued, so it is never asked again).
     *
     * @return how many rows were inserted or updated
     */
    @Transactional
    public int upsert(long subscriptionId, long userId, List<Document> fetched,
                      Map<String, dev.passerelle.connector.DocumentFile> files, Instant now) {
        Map<String, DocumentRow> known = new HashMap<>();
        jdbc.sql(COLUMNS + " WHERE d.id_subscription = :s").param("s", subscriptionId).query(this::row).list()
                .forEach(d -> known.put(d.externalId(), d));
        int written = 0;
        // ON CONFLICT DO NOTHING: an activation racing a sync may store the same document first.
        for (Document document : fetched) {
            DocumentRow stored = known.get(document.externalId());
            dev.passerelle.connector.DocumentFile file = files.get(document.externalId());
            if (stored == null && file != null) {
                bind(jdbc.sql("""
                        INSERT INTO document (id_subscription, id_user, external_id, name, doc_type, doc_date, duedate,
                            total_amount, untaxed_amount, vat, currency, doc_number, issuer, content_type, content,
                            created, last_update)
                        VALUES (:s, :u, :externalId, :name, :type, :date, :duedate,
                            :total, :untaxed, :vat, :currency, :number, :issuer, :contentType, :content, :now, :now)
                        ON CONFLICT DO NOTHING"""),
                        document, now)
                        .param("contentType", file.contentType()).param("content", file.content())
                        .param("s", subscriptionId).param("u", userId).param("externalId", document.externalId())
                        .update();
                written++;
            } else if (stored != null && !sameDescription(stored, document)) {
                bind(jdbc.sql("""
                        UPDATE document SET name = :name, doc_type = :type, doc_date = :date, duedate = :duedate,
                            total_amount = :total, untaxed_amount = :untaxed, vat = :vat, currency = :currency,
                            doc_number = :number, issuer = :issuer, last_update = :now
                        WHERE id = :id"""), document, now)
                        .param("id", stored.id())
                        .update();
                written++;
            }
        }
        return written;
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Document d, Instant now) {
        return spec.param("name", d.name()).param("type", WireNames.of(d.type())).param("date", d.date())
                .param("duedate", d.dueDate()).param("total", d.totalAmount()).param("untaxed", d.untaxedAmount())
                .param("vat", d.vat()).param("currency", d.currency()).param("number", d.number())
                .param("issuer", d.issuer()).param("now", utc(now));
    }

    private static boolean sameDescription(DocumentRow stored, Document d) {
        return stored.name().equals(d.name()) && stored.type().equals(WireNames.of(d.type()))
                && stored.date().equals(d.date()) && Objects.equals(stored.duedate(), d.dueDate())
                && sameAmount(stored.totalAmount(), d.totalAmount()) && sameAmount(stored.untaxedAmount(), d.untaxedAmount())
                && sameAmount(stored.vat(), d.vat()) && Objects.equals(stored.currency(), d.currency())
                && Objects.equals(stored.number(), d.number()) && Objects.equals(stored.issuer(), d.issuer());
    }

    private static boolean sameAmount(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    /** Forgets every document of the subscription: consent was withdrawn (GDPR). */
    public int deleteOfSubscription(long subscriptionId) {
        return jdbc.sql("DELETE FROM document WHERE id_subscription = :s").param("s", subscriptionId).update();
    }

    /**
     * Which documents a list shows (docs/protocol.md §7.3): the user's, of one subscription or of
     * all, dated from {@code minDate} to {@code maxDate} and of a total from {@code minAmount} to
     * {@code maxAmount}, all included (null: unbounded). Only documents of consented subscriptions are
     * ever visible.
     */
    public record Filter(long userId, Long subscriptionId, LocalDate minDate, LocalDate maxDate, BigDecimal minAmount,
                         BigDecimal maxAmount) {

        /** Every document of the user, or of one of its subscriptions. */
        public static Filter of(long userId, Long subscriptionId) {
            return new Filter(userId, subscriptionId, null, null, null, null);
        }

        private String where() {
            return " WHERE d.id_user = :u AND s.id_user = :u AND s.disabled IS NULL"
                    + (subscriptionId == null ? "" : " AND d.id_subscription = :s")
                    + (minDate == null ? "" : " AND d.doc_date >= :minDate")
                    + (maxDate == null ? "" : " AND d.doc_date <= :maxDate")
                    + (minAmount == null ? "" : " AND d.total_amount >= :minAmount")
                    + (maxAmount == null ? "" : " AND d.total_amount <= :maxAmount");
        }

        private Map<String, Object> params() {
            Map<String, Object> params = new HashMap<>();
            params.put("u", userId);
            params.put("s", subscriptionId);
            params.put("minDate", minDate);
            params.put("maxDate", maxDate);
            params.put("minAmount", minAmount);
            params.put("maxAmount", maxAmount);
            params.values().removeIf(Objects::isNull);
            return params;
        }
    }

    /** A page of the documents {@code filter} shows, newest first. */
    public List<DocumentRow> list(Filter filter, int limit, long offset) {
        return jdbc.sql(COLUMNS + filter.where() + " ORDER BY d.doc_date DESC, d.id DESC LIMIT :limit OFFSET :offset")
                .params(filter.params())
                .param("limit", limit)
                .param("offset", offset)
                .query(this::row).list();
    }

    /**
     * The documents of a subscription stored at {@code since} or later, as {@link #list} orders
     * them: what the fetches from then on added (docs/protocol.md §8.2 "new documents").
     */
    public List<DocumentRow> insertedSince(long subscriptionId, Instant since) {
        return jdbc.sql(COLUMNS + " WHERE d.id_subscription = :s AND d.created >= :since ORDER BY d.doc_date DESC, d.id DESC")
                .param("s", subscriptionId)
                .param("since", utc(stored(since)))
                .query(this::row).list();
    }

    /** How many documents {@link #list} pages through. */
    public long count(Filter filter) {
        return jdbc.sql("SELECT COUNT(*) FROM document d JOIN subscription s ON s.id = d.id_subscription"
                        + filter.where())
                .params(filter.params())
                .query(Long.class).single();
    }

    /** One of the user's documents with its file. */
    public Optional<DocumentFile> file(long userId, long documentId) {
        Filter owned = Filter.of(userId, null);
        return jdbc.sql("SELECT d.name, d.content_type, d.content FROM document d JOIN subscription s ON s.id = d.id_subscription"
                        + owned.where() + " AND d.id = :id")
                .params(owned.params())
                .param("id", documentId)
                .query((rs, n) -> new DocumentFile(rs.getString("name"), rs.getString("content_type"), rs.getBytes("content")))
                .optional();
    }

    /** A document's bytes and their MIME type. */
    public record DocumentFile(String name, String contentType, byte[] content) {
    }

    private DocumentRow row(ResultSet rs, int n) throws SQLException {
        return new DocumentRow(
                rs.getLong("id"),
                rs.getLong("id_user"),
                rs.getLong("id_subscription"),
                rs.getString("external_id"),
                rs.getString("name"),
                rs.getString("doc_type"),
                rs.getObject("doc_date", LocalDate.class),
                rs.getObject("duedate", LocalDate.class),
                rs.getBigDecimal("total_amount"),
                rs.getBigDecimal("untaxed_amount"),
                rs.getBigDecimal("vat"),
                rs.getString("currency"),
                rs.getString("doc_number"),
                rs.getString("issuer"),
                rs.getString("content_type"),
                instant(rs, "last_update"));
    }
}
