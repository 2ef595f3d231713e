package dev.passerelle.connector;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A document of a subscription: a bill, a statement (PROTOCOL-NOTES §7.3).
 *
 * @param externalId    stable identifier
 * @param name          display name
 * @param type          {@code bill}, {@code statement}, {@code payslip}, {@code notice}, {@code other}
 * @param date          issue date
 * @param duedate       payment due date, or {@code null}
 * @param totalAmount   amount with taxes, or {@code null}
 * @param untaxedAmount amount without taxes, or {@code null}
 * @param vat           VAT amount, or {@code null}
 * @param currency      ISO 4217 code, or {@code null}
 * @param number        document number, or {@code null}
 * @param issuer        who issued it, or {@code null}
 * @param contentType   MIME type of {@code content}
 * @param content       the file's bytes
 */
public record Document(
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
        byte[] content) {

    public Document {
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(content, "content");
    }
}
