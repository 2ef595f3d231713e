package dev.passerelle.connector;

import java.util.List;
import java.util.Map;

/**
 * Makes several connectors from configuration: one generic protocol, one connector per configured
 * institution (a Berlin Group connector per bank of a directory). Declared in
 * {@code META-INF/services/dev.passerelle.connector.ConnectorProvider}; a connector that stands
 * alone is declared as a {@link Connector} instead.
 */
public interface ConnectorProvider {

    /** The key of this provider's configuration: {@code passerelle.connectors.providers.<name>.*}. */
    String name();

    /**
     * The connectors to run.
     *
     * @param configuration the provider's configuration, keys relative to its prefix ({@code banks[0].name}, …)
     */
    List<Connector> connectors(Map<String, String> configuration);

    /**
     * The settings the provider's configuration gives one of its connectors, as if the operator had
     * written them under {@code passerelle.connectors.settings.<uuid>.*} (where the operator's own
     * win): the TLS key store of a bank's directory entry ({@link MutualTls}), from which the runtime
     * builds the connector's {@link InstitutionHttp}. None by default.
     *
     * @param configuration the provider's configuration, as given to {@link #connectors}
     * @param connector     one of the connectors made from it
     */
    default Map<String, String> settings(Map<String, String> configuration, ConnectorDescriptor connector) {
        return Map.of();
    }
}
