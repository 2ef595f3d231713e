package dev.passerelle.server.connectors;

import dev.passerelle.connector.AuthMechanism;
import dev.passerelle.connector.ConnectorDescriptor;
import dev.passerelle.connector.SourceDescriptor;
import dev.passerelle.runtime.WireNames;
import java.time.Instant;
import java.util.List;

/**
 * A connector source on the wire (PROTOCOL-NOTES §2.3). Sources disabled by configuration are not
 * published at all, so {@code disabled} is always null here; the field stays for clients that read it.
 */
public record SourceView(
        int id,
        int idConnector,
        String name,
        int priority,
        String authMechanism,
        List<String> availableAuthMechanisms,
        List<String> capabilities,
        List<String> accountUsages,
        Instant disabled) {

    static SourceView of(ConnectorDescriptor connector, SourceDescriptor source) {
        return new SourceView(source.id(), connector.id(), source.name(), source.priority(),
                source.authMechanism().wireName(),
                source.availableAuthMechanisms().stream().map(AuthMechanism::wireName).sorted().toList(),
                source.capabilities().stream().map(WireNames::of).toList(),
                source.accountUsages().stream().map(WireNames::of).toList(), null);
    }
}
