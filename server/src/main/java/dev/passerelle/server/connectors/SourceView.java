package dev.passerelle.server.connectors;

import dev.passerelle.connector.AccountUsage;
import dev.passerelle.connector.AuthMechanism;
import dev.passerelle.connector.Capability;
import dev.passerelle.connector.ConnectorDescriptor;
import dev.passerelle.connector.SourceDescriptor;
import dev.passerelle.runtime.WireNames;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.NonNull;

/**
 * A connector source on the wire (docs/protocol.md §2.3). Disabled sources are not published, so
 * {@code disabled} is null in the public catalogue; the config token's view ({@code ?all}) lists
 * them too, with the time they were disabled.
 */
public record SourceView(
        int id,
        int idConnector,
        String name,
        int priority,
        @Schema(implementation = AuthMechanism.class) @NonNull String authMechanism,
        @ArraySchema(schema = @Schema(implementation = AuthMechanism.class)) @NonNull List<String> availableAuthMechanisms,
        @ArraySchema(schema = @Schema(implementation = Capability.class)) @NonNull List<String> capabilities,
        @ArraySchema(schema = @Schema(implementation = AccountUsage.class)) @NonNull List<String> accountUsages,
        Instant disabled) {

    static SourceView of(ConnectorDescriptor connector, SourceDescriptor source, Instant disabled) {
        return new SourceView(source.id(), connector.id(), source.name(), source.priority(),
                source.authMechanism().wireName(),
                source.availableAuthMechanisms().stream().map(AuthMechanism::wireName).sorted().toList(),
                source.capabilities().stream().map(WireNames::of).toList(),
                source.accountUsages().stream().map(WireNames::of).toList(), disabled);
    }
}
