package dev.passerelle.server.connections;

import dev.passerelle.runtime.lease.Leases;
import dev.passerelle.runtime.state.RetryBackoff;
import dev.passerelle.runtime.state.StepOutcomes;
import dev.passerelle.runtime.state.SyncPeriods;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The connector runtime's connection rules as {@code passerelle.connections.*} tunes them: the
 * outcome mapper with its retry backoff and the sync periods ({@code ConnectorSwitches}: an
 * operator's, over the connectors' own), and the step leases, kept in the database.
 */
@Configuration(proxyBeanMethods = false)
class ConnectionsConfig {

    @Bean
    StepOutcomes stepOutcomes(ConnectionsProperties properties, SyncPeriods syncPeriods) {
        return new StepOutcomes(new RetryBackoff(properties.retryDelay(), properties.retryMaxDelay()), syncPeriods);
    }

    @Bean
    Leases connectionLeases(ConnectionRecords records, ConnectionsProperties properties, Clock clock) {
        return new Leases(records, properties.stepLease(), clock);
    }
}
