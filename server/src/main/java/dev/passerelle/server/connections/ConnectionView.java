package dev.passerelle.server.connections;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import java.util.Map;

/**
 * A connection on the wire (PROTOCOL-NOTES §3.1), with the deprecated aliases real clients still
 * read ({@code error} for {@code state}, {@code id_bank}/{@code id_provider} for
 * {@code id_connector}). Expanded members follow the fixed ones.
 */
public record ConnectionView(
        long id,
        long idUser,
        int idConnector,
        String connectorUuid,
        int idBank,
        int idProvider,
        String state,
        String error,
        String errorMessage,
        @JsonRawValue String fields,
        Instant lastUpdate,
        Instant created,
        boolean active,
        Instant lastPush,
        Instant expire,
        Instant nextTry,
        @JsonAnyGetter Map<String, Object> expanded) {

    static ConnectionView of(ConnectionRow c, Map<String, Object> expanded) {
        String state = c.state() == null ? null : c.state().wire();
        return new ConnectionView(c.id(), c.userId(), c.connectorId(), c.connectorUuid(), c.connectorId(),
                c.connectorId(), state, state, c.errorMessage(), c.fieldsJson(), c.lastUpdate(), c.created(),
                c.active(), c.lastPush(), c.expire(), c.nextTry(), Map.copyOf(expanded));
    }
}
