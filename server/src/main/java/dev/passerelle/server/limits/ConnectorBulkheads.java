package dev.passerelle.server.limits;

import dev.passerelle.connector.ConnectorDescriptor;
import dev.passerelle.server.api.ApiError;
import dev.passerelle.server.api.ApiException;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * At most {@code passerelle.limits.connector-concurrency} steps run at once against one connector
 * (Resilience4j bulkheads), so a burst of users cannot hammer an institution into blocking us. A
 * step that finds no free slot within {@code connector-wait} answers 429 with {@code Retry-After}.
 */
@Component
public class ConnectorBulkheads {

    private final BulkheadRegistry registry;

    public ConnectorBulkheads(LimitsProperties limits) {
        this.registry = BulkheadRegistry.of(BulkheadConfig.custom()
                .maxConcurrentCalls(limits.connectorConcurrency())
                .maxWaitDuration(limits.connectorWait())
                .build());
    }

    /** Runs {@code step} within the connector's bulkhead. */
    public <T> T call(ConnectorDescriptor connector, Supplier<T> step) {
        Bulkhead bulkhead = registry.bulkhead("connector-" + connector.id());
        try {
            return bulkhead.executeSupplier(step);
        } catch (BulkheadFullException e) {
            throw new ApiException(ApiError.TOO_MANY_REQUESTS,
                    "Too many operations in progress on connector " + connector.id() + "; retry shortly", null,
                    Map.of("Retry-After", "5"));
        }
    }
}
