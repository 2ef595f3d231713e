package dev.passerelle.server.documents;

import dev.passerelle.connector.Subscription;
import java.time.Instant;
import java.time.LocalDate;

/** One {@code subscription} row (docs/protocol.md §7.3); {@code disabled} is null once the user consented. */
public record SubscriptionRow(
        long id,
        long idConnection,
        long idUser,
        Long idSource,
        String externalId,
        String number,
        String label,
        String subscriber,
        LocalDate validity,
        LocalDate renewdate,
        String error,
        Instant created,
        Instant lastUpdate,
        Instant deleted,
        Instant disabled) {

    /** The subscription as the connector described it, to ask the connector for its documents. */
    public Subscription toConnector() {
        return Subscription.builder().externalId(externalId).number(number).label(label).subscriber(subscriber)
                .validity(validity).renewDate(renewdate).build();
    }
}
