package dev.passerelle.xs2a.simulator.bank;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One generated entry of an account. A pending entry has no booking date; the same entry, with the
 * same {@code transactionId}, is booked once the simulator's clock has moved past its pending days.
 *
 * @param amount signed: negative for a debit
 */
public record BankTransaction(
        String transactionId,
        String entryReference,
        LocalDate transactionDate,
        LocalDate bookingDate,
        LocalDate valueDate,
        BigDecimal amount,
        String currency,
        String counterpartyName,
        String counterpartyIban,
        String remittance,
        String endToEndId,
        String mandateId,
        String creditorId,
        String bankCode,
        String merchantCategoryCode) {

    public boolean pending() {
        return bookingDate == null;
    }

    public boolean credit() {
        return amount.signum() > 0;
    }
}
