package dev.passerelle.server.connectors;

import dev.passerelle.server.config.PublicUrl;
import dev.passerelle.server.connectors.ConnectorRegistry.ConnectorsProperties;
import dev.passerelle.server.support.TestConnectors;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Serves {@link FlakyBank} beside the discovered connectors, so that connections can be added on it over HTTP. */
@TestConfiguration(proxyBeanMethods = false)
public class FlakyBankConfig {

    @Bean
    FlakyBank flakyBank() {
        return new FlakyBank();
    }

    @Bean
    @Primary
    ConnectorRegistry registryWithFlakyBank(@Qualifier("connectorRegistry") ConnectorRegistry discovered,
                                            ConnectorsProperties properties, PublicUrl publicUrl, Clock clock,
                                            FlakyBank bank) {
        return TestConnectors.registryWith(discovered, properties, publicUrl, clock, bank);
    }
}
