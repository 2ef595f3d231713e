package dev.passerelle.server.connectors;

import dev.passerelle.connector.Connector;
import dev.passerelle.server.config.PublicUrl;
import dev.passerelle.server.connectors.ConnectorRegistry.ConnectorsProperties;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Serves the hand-written test connectors ({@link FlakyBank}, {@link GatedBank}) beside the
 * discovered ones, so that connections can be added on them over HTTP.
 */
@TestConfiguration(proxyBeanMethods = false)
public class HandWrittenBanksConfig {

    @Bean
    FlakyBank flakyBank() {
        return new FlakyBank();
    }

    @Bean
    GatedBank gatedBank() {
        return new GatedBank();
    }

    @Bean
    @Primary
    ConnectorRegistry registryWithHandWrittenBanks(@Qualifier("connectorRegistry") ConnectorRegistry discovered,
                                                   ConnectorsProperties properties, PublicUrl publicUrl,
                                                   ObjectProvider<SourceSwitch> switches, FlakyBank flaky,
                                                   GatedBank gated) {
        List<Connector> connectors = new ArrayList<>(discovered.all());
        connectors.add(flaky);
        connectors.add(gated);
        return new ConnectorRegistry(connectors, properties, publicUrl, switches.orderedStream().toList());
    }
}
