package dev.passerelle.testbank;

import dev.passerelle.connector.Counterparty;
import dev.passerelle.connector.TransactionType;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One operation of an account on one day, before it gets its transaction id and booking status.
 *
 * @param rdate the day the customer made it (a card payment is booked a day or two later), or {@code null}
 * @param card  the masked card number for card operations, or {@code null}
 */
record Operation(BigDecimal value, TransactionType type, String wording, String simplifiedWording, LocalDate rdate,
                 String card, Counterparty counterparty) {

    static Operation of(BigDecimal value, TransactionType type, String wording, String simplifiedWording) {
        return new Operation(value, type, wording, simplifiedWording, null, null, null);
    }

    Operation madeOn(LocalDate day) {
        return new Operation(value, type, wording, simplifiedWording, day, card, counterparty);
    }

    Operation byCard(String maskedCard) {
        return new Operation(value, type, wording, simplifiedWording, rdate, maskedCard, counterparty);
    }

    Operation with(Counterparty party) {
        return new Operation(value, type, wording, simplifiedWording, rdate, card, party);
    }
}
