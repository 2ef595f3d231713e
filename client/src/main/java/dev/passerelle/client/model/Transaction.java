package dev.passerelle.client.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A bank transaction (docs/data.md): {@code value} negative for a debit; {@code date} the booking
 * date, {@code rdate} the real one, {@code application_date} the one filters use by default; a
 * {@code coming} one is not booked yet and may change. Remove those whose {@code deleted} is set.
 */
public record Transaction(long id, long idAccount, LocalDate applicationDate, LocalDate date, LocalDate rdate,
                          LocalDate vdate, BigDecimal value, BigDecimal grossValue, String type,
                          String originalWording, String simplifiedWording, String wording, Boolean coming,
                          Boolean active, String comment, String card, BigDecimal originalValue,
                          String originalCurrency, Counterparty counterparty, LocalDateTime dateScraped,
                          LocalDateTime lastUpdate, LocalDateTime deleted, List<Object> categories) {

    /** The other party of a transfer, when known. */
    public record Counterparty(String label, String accountSchemeName, String accountIdentification, String type) {
    }
}
