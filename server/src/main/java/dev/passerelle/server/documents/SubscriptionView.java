package dev.passerelle.server.documents;

import java.time.Instant;
import java.time.LocalDate;

/** A subscription on the wire (docs/protocol.md §7.3). */
public record SubscriptionView(
        long id,
        long idConnection,
        long idUser,
        Long idSource,
        String number,
        String label,
        String subscriber,
        LocalDate validity,
        LocalDate renewdate,
        String error,
        Instant lastUpdate,
        Instant deleted,
        Instant disabled) {

    static SubscriptionView of(SubscriptionRow s) {
        return new SubscriptionView(s.id(), s.idConnection(), s.idUser(), s.idSource(), s.number(), s.label(),
                s.subscriber(), s.validity(), s.renewdate(), s.error(), s.lastUpdate(), s.deleted(), s.disabled());
    }
}
