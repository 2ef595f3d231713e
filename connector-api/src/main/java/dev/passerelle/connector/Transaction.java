package dev.passerelle.connector;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One operation on an account (PROTOCOL-NOTES §7.2).
 *
 * @param externalId        stable identifier; the server upserts on it, so a changed wording or a
 *                          coming operation becoming booked updates the same row
 * @param date              posting date (for a coming operation: the expected one)
 * @param applicationDate   date the operation applies to, or {@code null} (then {@code date})
 * @param rdate             order date, or {@code null}
 * @param vdate             value date, or {@code null}
 * @param value             signed amount in the account's currency
 * @param type              {@code transfer}, {@code card}, {@code withdrawal}, {@code check}, {@code order},
 *                          {@code deposit}, {@code bank}, {@code loan_repayment}, {@code deferred_card}, … or {@code unknown}
 * @param originalWording   wording as the institution shows it
 * @param simplifiedWording wording without dates and references, or {@code null}
 * @param coming            not yet booked
 * @param originalValue     amount in a foreign currency, or {@code null}
 * @param originalCurrency  that currency, or {@code null}
 * @param card              card number (masked) for card operations, or {@code null}
 * @param counterparty      the other party, or {@code null}
 */
public record Transaction(
        String externalId,
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
        Counterparty counterparty) {

    public Transaction {
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(originalWording, "originalWording");
    }

    /**
     * The other party of a transfer.
     *
     * @param schemeName {@code iban}, {@code bban}, {@code sort_code_account_number}, {@code cpan} or {@code tpan}
     * @param type       {@code creditor} or {@code debtor}
     */
    public record Counterparty(String label, String schemeName, String identification, String type) {
    }
}
