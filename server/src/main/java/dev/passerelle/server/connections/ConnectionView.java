package dev.passerelle.server.connections;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.passerelle.runtime.state.ConnectionState;
import dev.passerelle.server.connectors.ConnectorView;
import io.swagger.v3.oas.annotations.StringToClassMapItem;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.NonNull;

/**
 * A connection on the wire (docs/protocol.md §3.1), with the deprecated aliases real clients still
 * read ({@code error} for {@code state}, {@code id_bank}/{@code id_provider} for
 * {@code id_connector}). Expanded members follow the fixed ones.
 */
@Schema(description = "A connection of a user to an institution (docs/protocol.md §3.1); expand=connector, "
        + "sources, accounts, all_accounts, subscriptions, all_subscriptions add the members of those names.",
        properties = {
                @StringToClassMapItem(key = "connector", value = ConnectorView.class),
                @StringToClassMapItem(key = "sources", value = ConnectionSourceView[].class)})
public record ConnectionView(
        long id,
        long idUser,
        int idConnector,
        @Schema(format = "uuid") @NonNull String connectorUuid,
        int idBank,
        int idProvider,
        @Schema(implementation = ConnectionState.class) String state,
        @Schema(implementation = ConnectionState.class, deprecated = true, description = "The deprecated alias of state.") String error,
        String errorMessage,
        @Schema(implementation = ConnectionFieldView[].class,
                description = "What the user must give in a user-action state; null otherwise.")
        @JsonRawValue String fields,
        Instant lastUpdate,
        Instant created,
        boolean active,
        Instant lastPush,
        Instant expire,
        Instant nextTry,
        @Schema(hidden = true) @JsonAnyGetter Map<String, Object> expanded) {

    static ConnectionView of(ConnectionRow c, Map<String, Object> expanded) {
        String state = c.state() == null ? null : c.state().wire();
        return new ConnectionView(c.id(), c.userId(), c.connectorId(), c.connectorUuid(), c.connectorId(),
                c.connectorId(), state, state, c.errorMessage(), c.fieldsJson(), c.lastUpdate(), c.created(),
                c.active(), c.lastPush(), c.expire(), c.nextTry(), Map.copyOf(expanded));
    }
}
