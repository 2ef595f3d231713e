package dev.passerelle.server.investments;

import dev.passerelle.connector.Investment;
import dev.passerelle.runtime.WireNames;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * What the institution says about one investment, normalised so that the stored and the fetched
 * versions compare equal exactly when nothing changed: a re-sync that changes nothing leaves
 * {@code last_update} alone.
 */
record InvestmentFacts(
        String label,
        String code,
        String codeType,
        String description,
        BigDecimal quantity,
        BigDecimal unitprice,
        BigDecimal unitvalue,
        BigDecimal valuation,
        BigDecimal diff,
        BigDecimal diffPercent,
        BigDecimal prevDiff,
        BigDecimal portfolioShare,
        LocalDate vdate,
        LocalDate prevVdate,
        String originalCurrency,
        BigDecimal originalValuation,
        BigDecimal originalUnitvalue,
        BigDecimal originalUnitprice,
        BigDecimal originalDiff) {

    /** The columns that hold the facts, in record order. */
    static final List<String> COLUMNS = List.of("label", "code", "code_type", "description", "quantity", "unitprice",
            "unitvalue", "valuation", "diff", "diff_percent", "prev_diff", "portfolio_share", "vdate", "prev_vdate",
            "original_currency", "original_valuation", "original_unitvalue", "original_unitprice", "original_diff");

    static InvestmentFacts of(Investment i) {
        return new InvestmentFacts(i.label(), i.code(), WireNames.of(i.codeType()), i.description(), n(i.quantity()),
                n(i.unitPrice()), n(i.unitValue()), n(i.valuation()), n(i.diff()), n(i.diffPercent()), n(i.prevDiff()),
                n(i.portfolioShare()), i.vdate(), i.prevVdate(), i.originalCurrency(), n(i.originalValuation()),
                n(i.originalUnitValue()), n(i.originalUnitPrice()), n(i.originalDiff()));
    }

    static InvestmentFacts of(ResultSet rs) throws SQLException {
        return new InvestmentFacts(rs.getString("label"), rs.getString("code"), rs.getString("code_type"),
                rs.getString("description"), n(rs.getBigDecimal("quantity")), n(rs.getBigDecimal("unitprice")),
                n(rs.getBigDecimal("unitvalue")), n(rs.getBigDecimal("valuation")), n(rs.getBigDecimal("diff")),
                n(rs.getBigDecimal("diff_percent")), n(rs.getBigDecimal("prev_diff")),
                n(rs.getBigDecimal("portfolio_share")), rs.getObject("vdate", LocalDate.class),
                rs.getObject("prev_vdate", LocalDate.class), rs.getString("original_currency"),
                n(rs.getBigDecimal("original_valuation")), n(rs.getBigDecimal("original_unitvalue")),
                n(rs.getBigDecimal("original_unitprice")), n(rs.getBigDecimal("original_diff")));
    }

    /** The facts in {@link #COLUMNS} order. */
    List<Object> values() {
        return Arrays.asList(label, code, codeType, description, quantity, unitprice, unitvalue, valuation, diff,
                diffPercent, prevDiff, portfolioShare, vdate, prevVdate, originalCurrency, originalValuation,
                originalUnitvalue, originalUnitprice, originalDiff);
    }

    /** {@code 12.50000000} (as stored) and {@code 12.5} (as fetched) are the same amount. */
    private static BigDecimal n(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }
}
