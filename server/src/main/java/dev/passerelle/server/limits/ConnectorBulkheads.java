package dev.passerelle.server.limits;

import dev.passerelle.connector.ConnectorDescriptor;
import dev.passerelle.server.api.ApiError;
import dev.passerelle.server.api.ApiException;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Bounds the calls running at once against one connector, so that a burst of users cannot hammer an
 * institution into blocking us, and so that one user cannot take a connector's whole capacity:
 * <ul>
 *   <li>at most {@code passerelle.limits.connector-concurrency} calls per connector (Resilience4j
 *       bulkheads);</li>
 *   <li>of those, at most {@code connector-concurrency-per-user} for one user: a user's call beyond
 *       its share waits for one of the user's own calls to end, taking no connector slot meanwhile.</li>
 * </ul>
 * Each level waits up to {@code connector-wait} for a free slot; a call still refused is a 429 with
 * {@code Retry-After}. A slot is held for one connector call only: a caller that waits for the
 * institution between calls (the polls of a decoupled validation) waits outside, holding nothing.
 * Every call is timed ({@code passerelle.connector.calls}) and every refusal counted
 * ({@code passerelle.bulkhead.rejections}), by connector uuid: all connector calls cross this seam.
 */
@Component
public class ConnectorBulkheads {

    private static final Map<String, String> RETRY_AFTER = Map.of("Retry-After", "5");

    private final BulkheadRegistry registry;
    private final MeterRegistry meters;
    private final int perUser;
    private final Duration wait;
    /** The share of each user with a call running or waiting on a connector; removed when the last one leaves. */
    private final Map<UserKey, UserShare> shares = new ConcurrentHashMap<>();

    public ConnectorBulkheads(LimitsProperties limits, MeterRegistry meters) {
        this.registry = BulkheadRegistry.of(BulkheadConfig.custom()
                .maxConcurrentCalls(limits.connectorConcurrency())
                .maxWaitDuration(limits.connectorWait())
                .build());
        this.meters = meters;
        this.perUser = limits.connectorConcurrencyPerUser();
        this.wait = limits.connectorWait();
    }

    /** Runs {@code call} (which answers non-null) for {@code userId} within the connector's limits, or 429. */
    public <T> T call(ConnectorDescriptor connector, long userId, Supplier<T> call) {
        return tryCall(connector, userId, call).orElseThrow(() -> new ApiException(ApiError.TOO_MANY_REQUESTS,
                "Too many operations in progress on connector " + connector.id() + "; retry shortly", null,
                RETRY_AFTER));
    }

    /** As {@link #call}, empty instead of a 429 when the limits refuse the call. */
    public <T> Optional<T> tryCall(ConnectorDescriptor connector, long userId, Supplier<T> call) {
        Optional<T> answer = limited(connector, userId, call);
        if (answer.isEmpty()) {
            Counter.builder("passerelle.bulkhead.rejections")
                    .description("Connector calls refused because the connector's or the user's concurrency limit was reached")
                    .tag("connector", connector.uuid().toString()).register(meters).increment();
        }
        return answer;
    }

    private <T> Optional<T> limited(ConnectorDescriptor connector, long userId, Supplier<T> call) {
        UserKey key = new UserKey(connector.id(), userId);
        UserShare share = shares.compute(key, (k, existing) -> (existing == null ? new UserShare(perUser) : existing).join());
        try {
            if (!share.acquire(wait)) {
                return Optional.empty();
            }
            try {
                Bulkhead bulkhead = registry.bulkhead("connector-" + connector.id());
                if (!bulkhead.tryAcquirePermission()) {
                    return Optional.empty();
                }
                try {
                    T answer = Timer.builder("passerelle.connector.calls")
                            .description("Calls to a connector (one step on an institution), by connector uuid")
                            .tag("connector", connector.uuid().toString()).register(meters).record(call);
                    return Optional.of(Objects.requireNonNull(answer, "a connector call answers"));
                } finally {
                    bulkhead.onComplete();
                }
            } finally {
                share.release();
            }
        } finally {
            shares.computeIfPresent(key, (k, existing) -> existing.leave());
        }
    }

    private record UserKey(int connectorId, long userId) {
    }

    /**
     * One user's slots on one connector. {@code members} counts the calls running or waiting on it and
     * is only changed inside the map's atomic {@code compute}, so a share is dropped exactly when no
     * call can still use it.
     */
    private static final class UserShare {
        private final Semaphore slots;
        private int members;

        UserShare(int slots) {
            this.slots = new Semaphore(slots, true);
        }

        UserShare join() {
            members++;
            return this;
        }

        UserShare leave() {
            return --members == 0 ? null : this;
        }

        boolean acquire(Duration wait) {
            try {
                return slots.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        void release() {
            slots.release();
        }
    }
}
