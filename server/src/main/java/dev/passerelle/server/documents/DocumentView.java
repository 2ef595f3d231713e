package dev.passerelle.server.documents;

import dev.passerelle.connector.DocumentType;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A document on the wire (docs/protocol.md §7.3). {@code url} is where its file is downloaded, relative
 * to the API root like the {@code _links} of lists, with the same bearer token.
 */
public record DocumentView(
        long id,
        long idUser,
        long idSubscription,
        String name,
        @Schema(implementation = DocumentType.class) String type,
        LocalDate date,
        LocalDate duedate,
        BigDecimal totalAmount,
        BigDecimal untaxedAmount,
        BigDecimal vat,
        String currency,
        String number,
        String issuer,
        Instant lastUpdate,
        String url) {

    /** A stored document as the API lists it, with the URL of its file. */
    public static DocumentView of(DocumentRow d) {
        return new DocumentView(d.id(), d.idUser(), d.idSubscription(), d.name(), d.type(), d.date(), d.duedate(),
                d.totalAmount(), d.untaxedAmount(), d.vat(), d.currency(), d.number(), d.issuer(), d.lastUpdate(),
                "/users/" + d.idUser() + "/documents/" + d.id() + "/file");
    }
}
