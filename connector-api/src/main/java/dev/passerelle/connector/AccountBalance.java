package dev.passerelle.connector;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One of the balances an institution reports for an account, beside the one it shows as the
 * account's {@link Account#balance()}: a booked balance at the end of yesterday, an available one
 * including a credit line, one projected with pending items… (Berlin Group's {@code balances[]}).
 *
 * @param type                the institution's name of the balance ({@code closingBooked}, {@code interimAvailable}…)
 * @param amount              the amount
 * @param currency            the ISO 4217 code
 * @param referenceDate       the day it is the balance of, or {@code null}
 * @param creditLimitIncluded whether it counts the account's credit line, or {@code null} when the institution does not say
 */
public record AccountBalance(String type, BigDecimal amount, String currency, LocalDate referenceDate,
                             Boolean creditLimitIncluded) {

    public AccountBalance {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }
}
