package dev.passerelle.server.documents;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One {@code document} row without its bytes (docs/protocol.md §7.3). */
public record DocumentRow(
        long id,
        long idUser,
        long idSubscription,
        String externalId,
        String name,
        String type,
        LocalDate date,
        LocalDate duedate,
        BigDecimal totalAmount,
        BigDecimal untaxedAmount,
        BigDecimal vat,
        String currency,
        String number,
        String issuer,
        String contentType,
        Instant lastUpdate) {
}
