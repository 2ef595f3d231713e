package dev.passerelle.connector;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A bank account as the institution shows it (PROTOCOL-NOTES §7.1 {@code BankAccount}).
 *
 * @param externalId   the institution's stable identifier; the server upserts on it
 * @param number       account number as displayed, or {@code null}
 * @param name         display name
 * @param type         account type name ({@code checking}, {@code savings}, {@code card}, {@code loan},
 *                     {@code market}, {@code lifeinsurance}, … §7.1)
 * @param balance      current balance, in {@code currency}
 * @param coming       sum of coming (not yet booked) operations, or {@code null}
 * @param currency     ISO 4217 code
 * @param iban         IBAN, or {@code null}
 * @param bic          BIC, or {@code null}
 * @param usage        {@code PRIV}, {@code ORGA}, {@code ASSO}, or {@code null}
 * @param ownership    {@code owner}, {@code co-owner}, {@code attorney}, or {@code null}
 * @param companyName  company holding a professional account, or {@code null}
 * @param openingDate  opening date, or {@code null}
 * @param parentExternalId external id of the account this one hangs off (a card's checking account), or {@code null}
 * @param loan         loan details for loan accounts, or {@code null}
 */
public record Account(
        String externalId,
        String number,
        String name,
        String type,
        BigDecimal balance,
        BigDecimal coming,
        String currency,
        String iban,
        String bic,
        String usage,
        String ownership,
        String companyName,
        LocalDate openingDate,
        String parentExternalId,
        Loan loan) {

    public Account {
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(balance, "balance");
        Objects.requireNonNull(currency, "currency");
    }

    /**
     * Loan details (PROTOCOL-NOTES §7.1 {@code Loan}).
     *
     * @param type {@code mortgage}, {@code consumercredit}, {@code revolvingcredit} or {@code loan}
     */
    public record Loan(
            BigDecimal totalAmount,
            BigDecimal rate,
            int durationMonths,
            LocalDate subscriptionDate,
            LocalDate maturityDate,
            BigDecimal nextPaymentAmount,
            LocalDate nextPaymentDate,
            int paymentsDone,
            int paymentsLeft,
            String type) {
    }
}
