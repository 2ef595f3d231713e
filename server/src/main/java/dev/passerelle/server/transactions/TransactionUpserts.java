package dev.passerelle.server.transactions;

import static dev.passerelle.server.config.DbTime.utc;

import dev.passerelle.connector.Transaction;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores what a connector returned for one account, idempotently on {@code (id_account, external_id)}
 * (PROTOCOL-NOTES §7.2): new operations are inserted, changed ones (a coming operation now booked, a
 * corrected amount or wording) are updated in place with a new {@code last_update}, unchanged ones
 * are left alone, and operations of the fetched period the institution no longer shows get
 * {@code deleted}. Writes go in JDBC batches: months of history cost a few round-trips, not one each.
 */
@Component
public class TransactionUpserts {

    /** How many stored rows one {@code IN} list may name. */
    private static final int IN_CHUNK = 500;

    private static final String INSERT = """
            INSERT INTO bank_transaction (id_account, external_id, tx_date, application_date, rdate, vdate, amount,
                tx_type, original_wording, simplified_wording, wording, coming, original_amount, original_currency,
                card, counterparty_label, counterparty_scheme, counterparty_identification, counterparty_type,
                date_scraped, last_update)
            VALUES (:account, :externalId, :date, :applicationDate, :rdate, :vdate, :amount,
                :type, :originalWording, :simplifiedWording, :originalWording, :coming, :originalAmount, :originalCurrency,
                :card, :cpLabel, :cpScheme, :cpIdentification, :cpType,
                :now, :now)
            ON CONFLICT DO NOTHING""";

    // ON CONFLICT DO NOTHING above: an activation racing a sync may insert the same operation first;
    // both hold what the connector returned, so the first row stands.
    // The user's own wording (once the update endpoint exists) survives a change of the bank's.
    private static final String UPDATE = """
            UPDATE bank_transaction SET tx_date = :date, application_date = :applicationDate, rdate = :rdate,
                vdate = :vdate, amount = :amount, tx_type = :type,
                wording = CASE WHEN wording = original_wording THEN :originalWording ELSE wording END,
                original_wording = :originalWording, simplified_wording = :simplifiedWording, coming = :coming,
                original_amount = :originalAmount, original_currency = :originalCurrency, card = :card,
                counterparty_label = :cpLabel, counterparty_scheme = :cpScheme,
                counterparty_identification = :cpIdentification, counterparty_type = :cpType,
                last_update = :now, deleted = NULL
            WHERE id = :id""";

    private static final String COLUMNS = """
            SELECT id, external_id, deleted, tx_date, application_date, rdate, vdate, amount, tx_type, original_wording,
                simplified_wording, coming, original_amount, original_currency, card, counterparty_label,
                counterparty_scheme, counterparty_identification, counterparty_type
            FROM bank_transaction WHERE id_account = :account""";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    public TransactionUpserts(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
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
        Map<String, Stored> stored = stored(accountId, since, latest.keySet());

        List<SqlParameterSource> inserts = new ArrayList<>();
        List<SqlParameterSource> updates = new ArrayList<>();
        latest.forEach((externalId, facts) -> {
            Stored known = stored.get(externalId);
            if (known == null) {
                inserts.add(facts.bind(new MapSqlParameterSource("account", accountId)
                        .addValue("externalId", externalId).addValue("now", utc(now))));
            } else if (known.deleted() || !known.facts().equals(facts)) {
                updates.add(facts.bind(new MapSqlParameterSource("id", known.id()).addValue("now", utc(now))));
            }
        });
        List<SqlParameterSource> deletions = stored.values().stream()
                .filter(s -> !s.deleted() && !s.facts().date().isBefore(since) && !latest.containsKey(s.externalId()))
                .map(s -> (SqlParameterSource) new MapSqlParameterSource("id", s.id()).addValue("now", utc(now)))
                .toList();

        run(INSERT, inserts);
        run(UPDATE, updates);
        run("UPDATE bank_transaction SET deleted = :now, last_update = :now WHERE id = :id", deletions);
        return new Outcome(inserts.size(), updates.size(), deletions.size());
    }

    /** The stored rows of the fetched period, plus any older row a fetched external id names. */
    private Map<String, Stored> stored(long accountId, LocalDate since, Set<String> externalIds) {
        Map<String, Stored> stored = new HashMap<>();
        jdbc.sql(COLUMNS + " AND tx_date >= :since").param("account", accountId).param("since", since)
                .query(this::stored).list().forEach(s -> stored.put(s.externalId(), s));
        List<String> older = externalIds.stream().filter(id -> !stored.containsKey(id)).toList();
        for (int from = 0; from < older.size(); from += IN_CHUNK) {
            jdbc.sql(COLUMNS + " AND external_id IN (:ids)")
                    .param("account", accountId)
                    .param("ids", older.subList(from, Math.min(older.size(), from + IN_CHUNK)))
                    .query(this::stored).list().forEach(s -> stored.put(s.externalId(), s));
        }
        return stored;
    }

    private Stored stored(ResultSet rs, int n) throws SQLException {
        return new Stored(rs.getLong("id"), rs.getString("external_id"), rs.getObject("deleted") != null,
                TransactionFacts.of(rs));
    }

    private void run(String sql, List<SqlParameterSource> rows) {
        if (!rows.isEmpty()) {
            batch.batchUpdate(sql, rows.toArray(SqlParameterSource[]::new));
        }
    }

    /** The date of the last booked, not deleted operation of the account: where the next fetch resumes. */
    public Optional<LocalDate> lastBookedDate(long accountId) {
        return jdbc.sql("SELECT MAX(tx_date) FROM bank_transaction WHERE id_account = :a AND coming = FALSE AND deleted IS NULL")
                .param("a", accountId)
                .query((rs, n) -> rs.getObject(1, LocalDate.class))
                .list().stream().filter(Objects::nonNull).findFirst();
    }

    /** Forgets every operation of the account: consent was withdrawn (GDPR). */
    public int deleteOfAccount(long accountId) {
        return jdbc.sql("DELETE FROM bank_transaction WHERE id_account = :a").param("a", accountId).update();
    }

    private record Stored(long id, String externalId, boolean deleted, TransactionFacts facts) {
    }
}
