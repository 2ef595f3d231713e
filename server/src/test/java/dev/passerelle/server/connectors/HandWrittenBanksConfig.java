package dev.passerelle.server.connectors;

import dev.passerelle.server.connectors.ConnectorRegistry.ConnectorsProperties;
import dev.passerelle.server.support.TestConnectors;
import java.time.Clock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Serves the hand-written test connectors ({@link FlakyBank}, {@link GatedBank}, {@link OverlapBank},
 * {@link ConsentBank}) beside the discovered ones, so that connections can be added on them over HTTP.
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
    OverlapBank overlapBank() {
        return new OverlapBank();
    }

    @Bean
    ConsentBank consentBank() {
        return new ConsentBank();
    }

    @Bean
    @Primary
    ConnectorRegistry registryWithHandWrittenBanks(ConnectorsProperties properties, Clock clock,
                                                   ConnectorSwitches switches, FlakyBank flaky, GatedBank gated,
                                                   OverlapBank overlap, ConsentBank consent) {
        return TestConnectors.registryWith(properties, clock, switches, flaky, gated, overlap, consent);
    }
}
