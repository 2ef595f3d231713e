package dev.passerelle.server.accounts;

import java.util.Currency;
import java.util.Locale;
import java.util.Set;

/**
 * An account's {@code currency} object (docs/protocol.md §7.1: {@code id, symbol, prefix, precision},
 * plus the {@code name} Powens' spec requires), derived from the ISO code.
 *
 * @param prefix whether the symbol is written before the amount ({@code $12}) rather than after ({@code 12 €})
 */
public record CurrencyView(String id, String name, String symbol, boolean prefix, int precision) {

    private static final Set<String> PREFIXED = Set.of("USD", "GBP", "JPY", "CAD", "AUD", "HKD", "SGD", "NZD", "INR");

    public static CurrencyView of(String code) {
        try {
            Currency currency = Currency.getInstance(code);
            return new CurrencyView(code, currency.getDisplayName(Locale.ENGLISH), currency.getSymbol(Locale.US),
                    PREFIXED.contains(code), Math.max(currency.getDefaultFractionDigits(), 0));
        } catch (IllegalArgumentException e) {
            // Not an ISO 4217 code (a crypto-currency, a fund unit): show the code itself.
            return new CurrencyView(code, code, code, false, 2);
        }
    }
}
