package dev.passerelle.server.connectors;

import dev.passerelle.connector.Connector;
import dev.passerelle.server.config.PublicUrl;
import dev.passerelle.server.connectors.ConnectorRegistry.ConnectorsProperties;
import java.util.ArrayList;
import java.util.List;

/** Registries that serve a hand-written test connector beside the discovered ones. */
public final class TestConnectors {

    private TestConnectors() {
    }

    /** The discovered connectors plus {@code extra}, configured as they would be. */
    public static ConnectorRegistry registryWith(ConnectorRegistry discovered, ConnectorsProperties properties,
                                                 PublicUrl publicUrl, Connector extra) {
        List<Connector> connectors = new ArrayList<>(discovered.all());
        connectors.add(extra);
        return new ConnectorRegistry(connectors, properties, publicUrl);
    }
}
