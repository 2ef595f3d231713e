package dev.passerelle.server.connections;

import dev.passerelle.connector.AuthMechanism;
import dev.passerelle.connector.ConnectorDescriptor;
import dev.passerelle.connector.FieldSpec;
import dev.passerelle.connector.SourceDescriptor;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** How a connection source is reached, which connectors are told with every call. */
final class SourceMechanisms {

    private SourceMechanisms() {
    }

    /**
     * The mechanism recorded when the source was added; for a row older than that record, credentials
     * when the connection stores a value of a field only credentials ask, else the source's default.
     */
    static AuthMechanism resolve(AuthMechanism recorded, ConnectorDescriptor connector, String source,
                                 Map<String, String> storedCredentials) {
        if (recorded != null) {
            return recorded;
        }
        Set<String> webauthFields = connector.fieldsFor(source, AuthMechanism.WEBAUTH).stream().map(FieldSpec::name)
                .collect(Collectors.toSet());
        boolean typedCredentials = connector.fieldsFor(source, AuthMechanism.CREDENTIALS).stream()
                .map(FieldSpec::name).filter(field -> !webauthFields.contains(field))
                .anyMatch(field -> !storedCredentials.getOrDefault(field, "").isEmpty());
        return typedCredentials ? AuthMechanism.CREDENTIALS
                : connector.source(source).map(SourceDescriptor::authMechanism).orElse(AuthMechanism.CREDENTIALS);
    }
}
