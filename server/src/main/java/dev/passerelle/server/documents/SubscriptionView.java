package dev.passerelle.server.documents;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import dev.passerelle.server.connections.ConnectionView;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;

/** A subscription on the wire (docs/protocol.md §7.3); expanded members ({@code connection}) follow the fixed ones. */
@Schema(description = "A subscription (docs/protocol.md §7.3); expand=connection adds its connection.")
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
        Instant disabled,
        @Schema(hidden = true) @JsonAnyGetter Map<String, Object> expanded) {

    static SubscriptionView of(SubscriptionRow s) {
        return new SubscriptionView(s.id(), s.idConnection(), s.idUser(), s.idSource(), s.number(), s.label(),
                s.subscriber(), s.validity(), s.renewdate(), s.error(), s.lastUpdate(), s.deleted(), s.disabled(), Map.of());
    }

    /** This subscription with its connection ({@code expand=connection}). */
    SubscriptionView withConnection(ConnectionView connection) {
        return new SubscriptionView(id, idConnection, idUser, idSource, number, label, subscriber, validity, renewdate,
                error, lastUpdate, deleted, disabled, Collections.singletonMap("connection", connection));
    }
}
