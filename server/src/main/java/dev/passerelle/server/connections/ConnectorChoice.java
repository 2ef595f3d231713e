package dev.passerelle.server.connections;

import dev.passerelle.connector.AuthMechanism;
import dev.passerelle.connector.ConnectorDescriptor;
import dev.passerelle.connector.SourceDescriptor;
import dev.passerelle.runtime.RunningConnector;
import dev.passerelle.server.api.ApiError;
import dev.passerelle.server.api.BodyParams;
import dev.passerelle.server.connectors.ConnectorRegistry;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Which connector and which of its sources a request acts on, as the configuration leaves them
 * enabled (docs/protocol.md §3.3 multi-source), with the protocol's errors when there is none.
 */
@Component
class ConnectorChoice {

    private final ConnectorRegistry registry;
    private final ConnectionRecords records;

    ConnectorChoice(ConnectorRegistry registry, ConnectionRecords records) {
        this.registry = registry;
        this.records = records;
    }

    /** The connector a creation names ({@code connector_uuid}, or the deprecated ids). */
    RunningConnector named(BodyParams body) {
        Optional<String> key = body.string("connector_uuid")
                .or(() -> body.string("id_connector"))
                .or(() -> body.string("id_bank"))
                .or(() -> body.string("id_provider"));
        if (key.isEmpty()) {
            throw ApiError.MISSING_PARAMETER.exception("Give 'connector_uuid' (or the deprecated 'id_connector')");
        }
        return enabled(key.get());
    }

    /** The connector a new connection is made to, by id or uuid ({@link ConnectorRegistry#forNewConnection}). */
    RunningConnector enabled(String key) {
        return registry.forNewConnection(key);
    }

    /** An enabled connector by id, when one was chosen before (a web authentication's target). */
    RunningConnector enabled(int connectorId) {
        return registry.byId(connectorId)
                .orElseThrow(() -> ApiError.INVALID_VALUE.exception("Connector " + connectorId + " is disabled"));
    }

    /** The connector of a connection; 409 when this server no longer runs it. */
    RunningConnector of(ConnectionRow connection) {
        return running(connection)
                .orElseThrow(() -> ApiError.CONFLICT.exception("Connector " + connection.connectorId()
                        + " of connection " + connection.id() + " is disabled on this server"));
    }

    /** The connector of a connection, if this server runs it. */
    Optional<RunningConnector> running(ConnectionRow connection) {
        return registry.byId(connection.connectorId());
    }

    /** Whether {@code connectorKey} names the same connector as {@code descriptor}. */
    boolean isOther(String connectorKey, ConnectorDescriptor descriptor) {
        return registry.find(connectorKey).map(c -> c.descriptor().id() != descriptor.id()).orElse(true);
    }

    SourceDescriptor enabledSource(ConnectorDescriptor descriptor, String name) {
        return descriptor.source(name).filter(s -> registry.isEnabled(descriptor, s))
                .orElseThrow(() -> ApiError.INVALID_VALUE.exception("Connector " + descriptor.id()
                        + " has no enabled source '" + name + "'"));
    }

    List<SourceDescriptor> enabledSources(ConnectorDescriptor descriptor) {
        return registry.enabledSources(descriptor);
    }

    /** The connection's sources the configuration leaves enabled and the user did not disable, by priority. */
    List<SourceRow> enabledSources(ConnectionRow connection, ConnectorDescriptor descriptor) {
        return records.sources(connection.id()).stream()
                .filter(s -> s.disabled() == null)
                .filter(s -> descriptor.source(s.name()).filter(d -> registry.isEnabled(descriptor, d)).isPresent())
                .sorted(Comparator.comparingInt(s -> descriptor.source(s.name()).orElseThrow().priority()))
                .toList();
    }

    /**
     * The source a creation adds: the one named by {@code ?source=} or the body; else the first one
     * for which a field of its own (a field that applies to it alone) was given; else the first
     * credentials source.
     */
    SourceDescriptor forCreation(ConnectorDescriptor descriptor, Optional<String> named, Map<String, String> values) {
        SourceDescriptor source = named.map(name -> enabledSource(descriptor, name))
                .or(() -> registry.enabledSources(descriptor).stream()
                        .filter(s -> descriptor.fields().stream().anyMatch(f -> f.sources().equals(List.of(s.name()))
                                && values.containsKey(f.name())))
                        .findFirst())
                .or(() -> registry.enabledSources(descriptor).stream()
                        .filter(s -> s.availableAuthMechanisms().contains(AuthMechanism.CREDENTIALS))
                        .findFirst())
                .orElseThrow(() -> ApiError.INVALID_VALUE.exception("Connector " + descriptor.id()
                        + " has no source accepting credentials; use GET /webauth-url"));
        requireCredentials(source);
        return source;
    }

    static void requireCredentials(SourceDescriptor source) {
        if (!source.availableAuthMechanisms().contains(AuthMechanism.CREDENTIALS)) {
            throw ApiError.INVALID_VALUE.exception("Source '" + source.name()
                    + "' is added by web authentication; use GET /webauth-url");
        }
    }

    /** The connection's source of that name, if it has one. */
    Optional<SourceRow> sourceNamed(long connectionId, String name) {
        return records.sources(connectionId).stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The connection's source of that name, which must exist (it was just added or read). */
    SourceRow source(ConnectionRow connection, String name) {
        return sourceNamed(connection.id(), name).orElseThrow(() -> new IllegalStateException("source " + name + " vanished"));
    }
}
