package dev.passerelle.server.limits;

import dev.passerelle.connector.ConnectorDescriptor;
import dev.passerelle.server.api.ApiError;
import dev.passerelle.server.api.ApiException;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * At most {@code passerelle.limits.connector-concurrency} steps run at once against one connector
 * (Resilience4j bulkheads), so a burst of users cannot hammer an institution into blocking us. A
 * step that finds no free slot within {@code connector-wait} answers 429 with {@code Retry-After}.
 * Every call is timed ({@code passerelle.connector.calls}) and every refusal counted
 * ({@code passerelle.bulkhead.rejections}), by connector uuid: this is the one seam all connector calls cross.
 */
@Component
public class ConnectorBulkheads {

    private final BulkheadRegistry registry;
    private final MeterRegistry meters;

    public ConnectorBulkheads(LimitsProperties limits, MeterRegistry meters) {
        this.registry = BulkheadRegistry.of(BulkheadConfig.custom()
                .maxConcurrentCalls(limits.connectorConcurrency())
                .maxWaitDuration(limits.connectorWait())
                .build());
        this.meters = meters;
    }

    /** Runs {@code step} within the connector's bulkhead. */
    public <T> T call(ConnectorDescriptor connector, Supplier<T> step) {
        Bulkhead bulkhead = registry.bulkhead("connector-" + connector.id());
        String uuid = connector.uuid().toString();
        try {
            return bulkhead.executeSupplier(() -> Timer.builder("passerelle.connector.calls")
                    .description("Calls to a connector (one step on an institution), by connector uuid")
                    .tag("connector", uuid).register(meters).record(step));
        } catch (BulkheadFullException e) {
            Counter.builder("passerelle.bulkhead.rejections")
                    .description("Steps refused because the connector's concurrency limit was reached")
                    .tag("connector", uuid).register(meters).increment();
            throw new ApiException(ApiError.TOO_MANY_REQUESTS,
                    "Too many operations in progress on connector " + connector.id() + "; retry shortly", null,
                    Map.of("Retry-After", "5"));
        }
    }
}
