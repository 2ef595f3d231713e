package dev.passerelle.server.investments;

import dev.passerelle.connector.InvestmentCodeType;
import dev.passerelle.server.accounts.CurrencyView;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An investment on the wire, as Powens' {@code Investment} object (its API reference, "Investments"):
 * amounts in the account's currency, {@code original_*} in the security's own when it differs;
 * {@code source} says where the code came from ({@code website}: the institution gave it).
 */
public record InvestmentView(
        long id,
        long idAccount,
        String label,
        String code,
        @Schema(implementation = InvestmentCodeType.class) String codeType,
        String source,
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
        Long idSecurity,
        CurrencyView originalCurrency,
        BigDecimal originalValuation,
        BigDecimal originalUnitvalue,
        BigDecimal originalUnitprice,
        BigDecimal originalDiff,
        Instant lastUpdate,
        Instant deleted) {

    static InvestmentView of(InvestmentRow r) {
        InvestmentFacts f = r.facts();
        return new InvestmentView(r.id(), r.idAccount(), f.label(), f.code(), f.codeType(),
                f.code() == null ? null : "website", f.description(), f.quantity(), f.unitprice(), f.unitvalue(),
                f.valuation(), f.diff(), f.diffPercent(), f.prevDiff(), f.portfolioShare(), f.vdate(), f.prevVdate(),
                null, f.originalCurrency() == null ? null : CurrencyView.of(f.originalCurrency()),
                f.originalValuation(), f.originalUnitvalue(), f.originalUnitprice(), f.originalDiff(), r.lastUpdate(),
                r.deleted());
    }
}
