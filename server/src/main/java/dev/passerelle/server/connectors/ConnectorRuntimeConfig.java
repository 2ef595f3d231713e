package dev.passerelle.server.connectors;

import dev.passerelle.runtime.ConnectorRuntime;
import dev.passerelle.runtime.limits.Bulkheads;
import dev.passerelle.server.config.PublicUrl;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The connector runtime the server calls every connector through, on the server's clock and bulkheads. */
@Configuration(proxyBeanMethods = false)
class ConnectorRuntimeConfig {

    @Bean
    ConnectorRuntime connectorRuntime(Clock clock, Bulkheads bulkheads, PublicUrl publicUrl) {
        return new ConnectorRuntime(clock, bulkheads, publicUrl::base);
    }
}
