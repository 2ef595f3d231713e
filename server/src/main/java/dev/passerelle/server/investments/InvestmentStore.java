package dev.passerelle.server.investments;

import static dev.passerelle.server.config.DbTime.instant;
import static dev.passerelle.server.config.DbTime.utc;

import dev.passerelle.connector.InvestmentValue;
import dev.passerelle.server.accounts.CurrencyView;
import dev.passerelle.server.ingestion.InvestmentsFetched.Holding;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SQL of {@code investment} and {@code investment_value}: idempotent storage of what a
 * connector returned for one account (new lines inserted, changed ones updated, lines no longer
 * shown marked {@code deleted}, history values added or corrected by day), and the owner-filtered
 * reads of the investment routes.
 */
@Component
class InvestmentStore {

    private static final String SELECT = "SELECT * FROM investment i";

    /** Which investments a read may see: the user's, optionally of one connection and one account. */
    record Scope(long userId, Long connectionId, Long accountId) {

        String where() {
            return " WHERE i.id_user = :user" + (connectionId == null ? "" : " AND i.id_connection = :connection")
                    + (accountId == null ? "" : " AND i.id_account = :account");
        }

        Map<String, Object> params() {
            Map<String, Object> params = new HashMap<>(Map.of("user", userId));
            if (connectionId != null) {
                params.put("connection", connectionId);
            }
            if (accountId != null) {
                params.put("account", accountId);
            }
            return params;
        }
    }

    private final JdbcClient jdbc;

    InvestmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores the lines of one account as fetched at {@code now}.
     *
     * @return how many lines were inserted or changed
     */
    @Transactional
    int upsert(long accountId, long connectionId, long userId, List<Holding> fetched, Instant now) {
        Map<String, InvestmentRow> known = new HashMap<>();
        jdbc.sql(SELECT + " WHERE i.id_account = :account").param("account", accountId).query(InvestmentStore::row)
                .list().forEach(stored -> known.put(stored.externalId(), stored));
        int written = 0;
        Set<Long> listed = new HashSet<>();
        for (Holding line : fetched) {
            InvestmentFacts facts = InvestmentFacts.of(line.investment());
            InvestmentRow stored = known.get(line.investment().externalId());
            long id;
            if (stored == null) {
                id = insert(accountId, connectionId, userId, line.investment().externalId(), facts, now);
                written++;
            } else {
                id = stored.id();
                if (!stored.facts().equals(facts) || stored.deleted() != null) {
                    update(id, facts, now);
                    written++;
                }
            }
            listed.add(id);
            storeHistory(id, line.history());
        }
        known.values().stream().filter(s -> s.deleted() == null && !listed.contains(s.id())).forEach(s -> jdbc
                .sql("UPDATE investment SET deleted = :now, last_update = :now WHERE id = :id")
                .param("now", utc(now)).param("id", s.id()).update());
        return written;
    }

    private long insert(long accountId, long connectionId, long userId, String externalId, InvestmentFacts facts,
                        Instant now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        bind(jdbc.sql("INSERT INTO investment (id_account, id_connection, id_user, external_id, "
                        + String.join(", ", InvestmentFacts.COLUMNS) + ", created, last_update) VALUES (:account, "
                        + ":connection, :user, :externalId, " + InvestmentFacts.COLUMNS.stream().map(c -> ":" + c)
                        .collect(Collectors.joining(", ")) + ", :now, :now)"), facts)
                .param("account", accountId).param("connection", connectionId).param("user", userId)
                .param("externalId", externalId).param("now", utc(now))
                .update(key, "id");
        return key.getKeyAs(Long.class);
    }

    private void update(long id, InvestmentFacts facts, Instant now) {
        bind(jdbc.sql("UPDATE investment SET " + InvestmentFacts.COLUMNS.stream().map(c -> c + " = :" + c)
                        .collect(Collectors.joining(", ")) + ", last_update = :now, deleted = NULL WHERE id = :id"), facts)
                .param("now", utc(now)).param("id", id)
                .update();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, InvestmentFacts facts) {
        List<Object> values = facts.values();
        for (int i = 0; i < values.size(); i++) {
            spec = spec.param(InvestmentFacts.COLUMNS.get(i), values.get(i));
        }
        return spec;
    }

    /** Adds the days the history did not have and corrects the ones whose value changed. */
    private void storeHistory(long investmentId, List<InvestmentValue> history) {
        Map<LocalDate, BigDecimal> stored = new HashMap<>();
        jdbc.sql("SELECT vdate, unitvalue FROM investment_value WHERE id_investment = :i").param("i", investmentId)
                .query(rs -> {
                    stored.put(rs.getObject("vdate", LocalDate.class), rs.getBigDecimal("unitvalue"));
                });
        for (InvestmentValue value : history) {
            BigDecimal known = stored.get(value.date());
            if (known == null) {
                jdbc.sql("""
                        INSERT INTO investment_value (id_investment, vdate, unitvalue, original_currency, original_unitvalue)
                        VALUES (:i, :date, :value, :currency, :original)""")
                        .param("i", investmentId).param("date", value.date()).param("value", value.unitValue())
                        .param("currency", value.originalCurrency()).param("original", value.originalUnitValue())
                        .update();
            } else if (known.compareTo(value.unitValue()) != 0) {
                jdbc.sql("""
                        UPDATE investment_value SET unitvalue = :value, original_currency = :currency,
                            original_unitvalue = :original
                        WHERE id_investment = :i AND vdate = :date""")
                        .param("i", investmentId).param("date", value.date()).param("value", value.unitValue())
                        .param("currency", value.originalCurrency()).param("original", value.originalUnitValue())
                        .update();
            }
        }
    }

    /** Forgets the account's investments and their history: consent was withdrawn (GDPR). */
    int deleteOfAccount(long accountId) {
        return jdbc.sql("DELETE FROM investment WHERE id_account = :account").param("account", accountId).update();
    }

    /** The investments in scope, live ones only unless {@code all}, filtered by label (contains) and code. */
    List<InvestmentRow> list(Scope scope, String label, String code, boolean all) {
        StringBuilder sql = new StringBuilder(SELECT).append(scope.where());
        Map<String, Object> params = scope.params();
        if (!all) {
            sql.append(" AND i.deleted IS NULL");
        }
        if (label != null) {
            sql.append(" AND LOWER(i.label) LIKE :label");
            params.put("label", "%" + label.toLowerCase(Locale.ROOT).replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (code != null) {
            sql.append(" AND i.code = :code");
            params.put("code", code);
        }
        return jdbc.sql(sql.append(" ORDER BY i.id_account, i.id").toString()).params(params)
                .query(InvestmentStore::row).list();
    }

    /** One investment in scope. */
    Optional<InvestmentRow> find(Scope scope, long investmentId) {
        return jdbc.sql(SELECT + scope.where() + " AND i.id = :id").params(scope.params()).param("id", investmentId)
                .query(InvestmentStore::row).optional();
    }

    /** An investment's history, oldest first. */
    List<InvestmentValueView> history(long investmentId) {
        return jdbc.sql("""
                SELECT id, id_investment, vdate, unitvalue, original_currency, original_unitvalue FROM investment_value
                WHERE id_investment = :i ORDER BY vdate""")
                .param("i", investmentId)
                .query((rs, n) -> {
                    String currency = rs.getString("original_currency");
                    return new InvestmentValueView(rs.getLong("id"), rs.getLong("id_investment"),
                            rs.getObject("vdate", LocalDate.class), rs.getBigDecimal("unitvalue"),
                            currency == null ? null : CurrencyView.of(currency),
                            rs.getBigDecimal("original_unitvalue"));
                })
                .list();
    }

    private static InvestmentRow row(ResultSet rs, int n) throws SQLException {
        return new InvestmentRow(rs.getLong("id"), rs.getLong("id_account"), rs.getLong("id_connection"),
                rs.getLong("id_user"), rs.getString("external_id"), InvestmentFacts.of(rs), instant(rs, "created"),
                instant(rs, "last_update"), instant(rs, "deleted"));
    }
}
