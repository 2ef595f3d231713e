package dev.passerelle.server.ingestion;

import dev.passerelle.runtime.host.SourceSwitch;
import dev.passerelle.server.connections.SourceSessions;
import dev.passerelle.server.connectors.ConnectorRegistry;
import dev.passerelle.server.connectors.ConnectorRegistry.ConnectorsProperties;
import dev.passerelle.server.connectors.ConnectorSwitches;
import dev.passerelle.server.support.TestConnectors;
import java.time.Clock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Serves {@link FakeBank} beside the discovered connectors, so that activating an account over HTTP
 * fetches from it through the real connector runtime. Every data test imports this same
 * configuration and so shares one context.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FakeBankConfig {

    @Bean
    FakeBank fakeBank() {
        return new FakeBank();
    }

    @Bean
    @Primary
    ConnectorRegistry registryWithFakeBank(ConnectorsProperties properties, Clock clock, ConnectorSwitches switches,
                                           FakeBank bank) {
        return TestConnectors.registryWith(properties, clock, switches, bank);
    }

    @Bean
    BankFixtures bankFixtures(JdbcClient jdbc, FakeBank bank, SourceSessions sessions, DataIngestion ingestion,
                              Clock clock) {
        return new BankFixtures(jdbc, bank, sessions, ingestion, clock);
    }
}
