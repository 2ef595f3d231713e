package dev.passerelle.server.ingestion;

import dev.passerelle.server.connections.CredentialVault;
import dev.passerelle.server.connections.OpenSource;
import dev.passerelle.server.connections.SourceSessions;
import dev.passerelle.server.connectors.ConnectorRegistry;
import java.time.Clock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Puts {@link FakeBank} behind {@link SourceSessions}, so that activating an account over HTTP
 * fetches from it. Every data test imports this same configuration and so shares one context.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FakeBankConfig {

    @Bean
    FakeBank fakeBank() {
        return new FakeBank();
    }

    @Bean
    BankFixtures bankFixtures(JdbcClient jdbc, FakeBank bank, DataIngestion ingestion, Clock clock) {
        return new BankFixtures(jdbc, bank, ingestion, clock);
    }

    @Bean
    @Primary
    SourceSessions fakeBankSessions(JdbcClient jdbc, CredentialVault vault, ConnectorRegistry registry, Clock clock,
                                    FakeBank bank) {
        return new SourceSessions(jdbc, vault, registry, clock) {
            @Override
            public OpenSource open(long sourceId) {
                return jdbc.sql("""
                        SELECT c.id_user, c.id FROM connection_source s JOIN connection c ON c.id = s.id_connection
                        WHERE s.id = :s""")
                        .param("s", sourceId)
                        .query((rs, n) -> bank.open(rs.getLong("id_user"), rs.getLong("id"), sourceId, clock))
                        .single();
            }
        };
    }
}
