package dev.passerelle.client.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** A document of an enabled subscription (a bill, …); its file is at {@code url}, relative to the API root. */
public record Document(long id, Long idUser, Long idSubscription, String name, String type, LocalDate date,
                       LocalDate duedate, BigDecimal totalAmount, BigDecimal untaxedAmount, BigDecimal vat,
                       String currency, String number, String issuer, LocalDateTime lastUpdate, String url) {
}
