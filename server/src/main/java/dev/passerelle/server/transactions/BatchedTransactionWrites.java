package dev.passerelle.server.transactions;

import static dev.passerelle.server.config.DbTime.utc;
import static dev.passerelle.server.transactions.TransactionSql.FLAG_DELETED;
import static dev.passerelle.server.transactions.TransactionSql.INSERT_INTO;

import dev.passerelle.server.transactions.TransactionUpserts.Outcome;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes transactions in JDBC batches (H2, and any database without COPY): reads the stored rows of
 * the fetched period, compares facts in memory, then sends one batch of inserts, one of updates and
 * one of deletions, so months of history cost a few round-trips, not one each.
 */
final class BatchedTransactionWrites implements TransactionWrites {

    /** How many stored rows one {@code IN} list may name. */
    private static final int IN_CHUNK = 500;

    private static final UnaryOperator<String> PARAMETER = column -> ":" + column;

    // ON CONFLICT DO NOTHING: an activation racing a sync may insert the same operation first;
    // both hold what the connector returned, so the first row stands.
    private static final String INSERT = INSERT_INTO + "VALUES (" + TransactionSql.insertValues(":account", PARAMETER)
            + ") ON CONFLICT DO NOTHING";

    private static final String UPDATE = "UPDATE bank_transaction t SET " + TransactionSql.setFacts(PARAMETER)
            + " WHERE t.id = :id";

    private static final String STORED = "SELECT id, external_id, deleted, "
            + TransactionSql.facts(c -> TransactionSql.storedFact(c, UnaryOperator.identity()) + " AS " + c)
            + " FROM bank_transaction WHERE id_account = :account";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    BatchedTransactionWrites(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    @Override
    public Outcome write(long accountId, LocalDate since, Map<String, TransactionFacts> latest, Instant now) {
        Map<String, Stored> stored = stored(accountId, since, latest.keySet());
        List<SqlParameterSource> inserts = new ArrayList<>();
        List<SqlParameterSource> updates = new ArrayList<>();
        latest.forEach((externalId, facts) -> {
            Stored known = stored.get(externalId);
            if (known == null) {
                inserts.add(facts.bind(new MapSqlParameterSource("account", accountId)
                        .addValue("external_id", externalId).addValue("now", utc(now))));
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
        run(FLAG_DELETED + "t.id = :id", deletions);
        return new Outcome(inserts.size(), updates.size(), deletions.size());
    }

    /** The stored rows of the fetched period, plus any older row a fetched external id names. */
    private Map<String, Stored> stored(long accountId, LocalDate since, Set<String> externalIds) {
        Map<String, Stored> stored = new HashMap<>();
        jdbc.sql(STORED + " AND tx_date >= :since").param("account", accountId).param("since", since)
                .query(this::stored).list().forEach(s -> stored.put(s.externalId(), s));
        List<String> older = externalIds.stream().filter(id -> !stored.containsKey(id)).toList();
        for (int from = 0; from < older.size(); from += IN_CHUNK) {
            jdbc.sql(STORED + " AND external_id IN (:ids)")
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

    private record Stored(long id, String externalId, boolean deleted, TransactionFacts facts) {
    }
}
