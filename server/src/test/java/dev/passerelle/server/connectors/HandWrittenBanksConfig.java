package dev.passerelle.server.connectors;

import dev.passerelle.runtime.host.SourceSwitch;
import dev.passerelle.server.connectors.ConnectorRegistry.ConnectorsProperties;
import dev.passerelle.server.support.TestConnectors;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
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
    ConnectorRegistry registryWithHandWrittenBanks(ConnectorsProperties properties, Clock clock,
                                                   ObjectProvider<SourceSwitch> switches, FlakyBank flaky,
                                                   GatedBank gated) {
        return TestConnectors.registryWith(properties, clock, switches, flaky, gated);
    }
}
