package dev.passerelle.server.transactions;

import dev.passerelle.connector.Counterparty;
import dev.passerelle.connector.Transaction;
import dev.passerelle.runtime.WireNames;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * What the institution says about one transaction, normalised so that the stored and the fetched
 * versions compare equal exactly when nothing changed: that comparison is what makes re-ingestion
 * idempotent and keeps {@code last_update} meaningful (docs/protocol.md §7.2 {@code last_update}).
 */
record TransactionFacts(
        LocalDate date,
        LocalDate applicationDate,
        LocalDate rdate,
        LocalDate vdate,
        BigDecimal value,
        String type,
        String originalWording,
        String simplifiedWording,
        boolean coming,
        BigDecimal originalValue,
        String originalCurrency,
        String card,
        String counterpartyLabel,
        String counterpartyScheme,
        String counterpartyIdentification,
        String counterpartyType) {

    static TransactionFacts of(Transaction t) {
        Counterparty cp = t.counterparty();
        return new TransactionFacts(t.date(), t.applicationDate() == null ? t.date() : t.applicationDate(),
                t.rdate(), t.vdate(), normal(t.value()), WireNames.of(t.type()), t.originalWording(),
                t.simplifiedWording(), t.coming(), normal(t.originalValue()), t.originalCurrency(), t.card(),
                cp == null ? null : cp.label(), cp == null ? null : WireNames.of(cp.scheme()),
                cp == null ? null : cp.identification(), cp == null ? null : WireNames.of(cp.role()));
    }

    static TransactionFacts of(ResultSet rs) throws SQLException {
        return new TransactionFacts(rs.getObject("tx_date", LocalDate.class),
                rs.getObject("application_date", LocalDate.class), rs.getObject("rdate", LocalDate.class),
                rs.getObject("vdate", LocalDate.class), normal(rs.getBigDecimal("amount")), rs.getString("tx_type"),
                rs.getString("original_wording"), rs.getString("simplified_wording"), rs.getBoolean("coming"),
                normal(rs.getBigDecimal("original_amount")), rs.getString("original_currency"), rs.getString("card"),
                rs.getString("counterparty_label"), rs.getString("counterparty_scheme"),
                rs.getString("counterparty_identification"), rs.getString("counterparty_type"));
    }

    /** The facts in the order of {@link TransactionSql#FACTS}, the columns that hold them. */
    List<Object> values() {
        return Arrays.asList(date, applicationDate, rdate, vdate, value, type, originalWording, simplifiedWording,
                coming, originalValue, originalCurrency, card, counterpartyLabel, counterpartyScheme,
                counterpartyIdentification, counterpartyType);
    }

    /** Binds every fact under the name of its column. */
    MapSqlParameterSource bind(MapSqlParameterSource params) {
        List<Object> values = values();
        for (int i = 0; i < values.size(); i++) {
            params.addValue(TransactionSql.FACTS.get(i), values.get(i));
        }
        return params;
    }

    /** {@code 12.50000000} (as stored) and {@code 12.5} (as fetched) are the same amount. */
    private static BigDecimal normal(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }
}
