package dev.passerelle.server.connections;

import dev.passerelle.runtime.state.ConnectionState;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A connection source on the wire (docs/protocol.md §3.6). */
public record ConnectionSourceView(
        long id,
        long idConnection,
        int idConnectorSource,
        String name,
        @Schema(implementation = ConnectionState.class) String state,
        String errorMessage,
        Instant lastUpdate,
        Instant created,
        Instant disabled,
        Instant accessExpire,
        Instant expire,
        Instant nextTry) {

    static ConnectionSourceView of(SourceRow s) {
        return new ConnectionSourceView(s.id(), s.connectionId(), s.connectorSourceId(), s.name(),
                s.state() == null ? null : s.state().wire(), s.errorMessage(), s.lastUpdate(), s.created(),
                s.disabled(), s.accessExpire(), s.expire(), s.nextTry());
    }
}
