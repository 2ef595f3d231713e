package dev.passerelle.server.support;

import dev.passerelle.connector.Connector;
import dev.passerelle.runtime.host.SourceSwitch;
import dev.passerelle.server.connectors.ConnectorRegistry;
import dev.passerelle.server.connectors.ConnectorRegistry.ConnectorsProperties;
import dev.passerelle.server.connectors.ConnectorSwitches;
import java.time.Clock;
import java.util.List;

/** Test connectors served beside the discovered ones, as a test configuration's registry. */
public final class TestConnectors {

    private TestConnectors() {
    }

    /** The discovered connectors and {@code extra}, run as the server runs any connector. */
    public static ConnectorRegistry registryWith(ConnectorsProperties properties, Clock clock, ConnectorSwitches switches,
                                                 Connector... extra) {
        return ConnectorRegistry.withExtra(properties, clock, switches, List.of(extra));
    }
}
