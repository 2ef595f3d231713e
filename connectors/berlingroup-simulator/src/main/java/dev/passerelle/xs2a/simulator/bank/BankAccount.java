package dev.passerelle.xs2a.simulator.bank;

import java.math.BigDecimal;

/**
 * One account of a PSU: a payment account (with an IBAN) or a card account (with a masked PAN).
 *
 * @param overdraft the credit line of a payment account, or the credit limit of a card account
 */
public record BankAccount(
        String resourceId,
        Kind kind,
        String iban,
        String maskedPan,
        String currency,
        String name,
        String product,
        String cashAccountType,
        String ownerName,
        BigDecimal openingBalance,
        BigDecimal overdraft,
        String linkedAccount) {

    public enum Kind {
        PAYMENT,
        CARD
    }

    public boolean card() {
        return kind == Kind.CARD;
    }
}
