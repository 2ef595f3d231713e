package dev.passerelle.server.investments;

import dev.passerelle.server.accounts.CurrencyView;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A point of an investment's history on the wire, as Powens' {@code InvestmentValue} object. */
public record InvestmentValueView(long id, long idInvestment, LocalDate vdate, BigDecimal unitvalue,
                                  CurrencyView originalCurrency, BigDecimal originalUnitvalue) {
}
