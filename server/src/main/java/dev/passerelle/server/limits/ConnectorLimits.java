package dev.passerelle.server.limits;

import dev.passerelle.connector.ConnectorDescriptor;
import dev.passerelle.runtime.limits.Bulkheads;
import dev.passerelle.runtime.limits.CallObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The connector runtime's {@link Bulkheads} as {@code passerelle.limits.connector-*} size them, every
 * call timed ({@code passerelle.connector.calls}) and every refusal counted
 * ({@code passerelle.bulkhead.rejections}), by connector uuid.
 */
@Configuration(proxyBeanMethods = false)
class ConnectorLimits {

    @Bean
    Bulkheads connectorBulkheads(LimitsProperties limits, MeterRegistry meters) {
        return new Bulkheads(new Bulkheads.Limits(limits.connectorConcurrency(), limits.connectorConcurrencyPerUser(),
                limits.connectorWait()), new Metered(meters));
    }

    private record Metered(MeterRegistry meters) implements CallObserver {

        @Override
        public void called(ConnectorDescriptor connector, Duration took) {
            Timer.builder("passerelle.connector.calls")
                    .description("Calls to a connector (one step on an institution), by connector uuid")
                    .tag("connector", connector.uuid().toString()).register(meters).record(took);
        }

        @Override
        public void refused(ConnectorDescriptor connector) {
            Counter.builder("passerelle.bulkhead.rejections")
                    .description("Connector calls refused because the connector's or the user's concurrency limit was reached")
                    .tag("connector", connector.uuid().toString()).register(meters).increment();
        }
    }
}
