package dev.passerelle.runtime.limits;

import dev.passerelle.connector.ConnectorDescriptor;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Bounds the calls running at once against one connector, so that a burst of users cannot hammer an
 * institution into blocking us, and so that one user cannot take a connector's whole capacity:
 * <ul>
 *   <li>at most {@link Limits#perConnector()} calls per connector;</li>
 *   <li>of those, at most {@link Limits#perUser()} for one user: a user's call beyond its share waits
 *       for one of the user's own calls to end, taking no connector slot meanwhile.</li>
 * </ul>
 * Each level waits up to {@link Limits#slotWait()} for a free slot; a call still refused is {@link Full}.
 * A slot is held for one connector call only: a caller that waits for the institution between calls
 * (the polls of a decoupled validation) waits outside, holding nothing. Every call and every refusal
 * is reported to the {@link CallObserver}: all connector calls cross this seam.
 */
public final class Bulkheads {

    /**
     * @param perConnector calls at once on one connector ({@code passerelle.limits.connector-concurrency})
     * @param perUser      of those, for one user ({@code connector-concurrency-per-user})
     * @param wait         how long a call waits for a free slot at each level ({@code connector-wait})
     */
    public record Limits(int perConnector, int perUser, Duration slotWait) {
        public Limits {
            if (perConnector < 1 || perUser < 1) {
                throw new IllegalArgumentException("a connector and a user have at least one slot each");
            }
            Objects.requireNonNull(slotWait, "slotWait");
        }
    }

    /** A call the limits refused: no slot came free in time. No fault of the connector's. */
    public static final class Full extends RuntimeException {

        private final transient ConnectorDescriptor connector;

        Full(ConnectorDescriptor connector) {
            super("Too many operations in progress on connector " + connector.id() + "; retry shortly", null, false,
                    false);
            this.connector = connector;
        }

        public ConnectorDescriptor connector() {
            return connector;
        }
    }

    private final Limits limits;
    private final CallObserver observer;
    private final Map<Integer, Semaphore> connectors = new ConcurrentHashMap<>();
    /** The share of each user with a call running or waiting on a connector; removed when the last one leaves. */
    private final Map<UserKey, UserShare> shares = new ConcurrentHashMap<>();

    public Bulkheads(Limits limits, CallObserver observer) {
        this.limits = limits;
        this.observer = observer;
    }

    /** Runs {@code call} (which answers non-null) for {@code userId} within the connector's limits, or {@link Full}. */
    public <T> T call(ConnectorDescriptor connector, long userId, Supplier<T> call) {
        return tryCall(connector, userId, call).orElseThrow(() -> new Full(connector));
    }

    /** As {@link #call}, empty instead of {@link Full} when the limits refuse the call. */
    public <T> Optional<T> tryCall(ConnectorDescriptor connector, long userId, Supplier<T> call) {
        Optional<T> answer = limited(connector, userId, call);
        if (answer.isEmpty()) {
            observer.refused(connector);
        }
        return answer;
    }

    private <T> Optional<T> limited(ConnectorDescriptor connector, long userId, Supplier<T> call) {
        UserKey key = new UserKey(connector.id(), userId);
        UserShare share = shares.compute(key, (k, existing) -> (existing == null ? new UserShare(limits.perUser()) : existing).join());
        try {
            if (!acquire(share.slots)) {
                return Optional.empty();
            }
            try {
                Semaphore slots = connectors.computeIfAbsent(connector.id(), id -> new Semaphore(limits.perConnector(), true));
                if (!acquire(slots)) {
                    return Optional.empty();
                }
                long started = System.nanoTime();
                try {
                    return Optional.of(Objects.requireNonNull(call.get(), "a connector call answers"));
                } finally {
                    slots.release();
                    observer.called(connector, Duration.ofNanos(System.nanoTime() - started));
                }
            } finally {
                share.slots.release();
            }
        } finally {
            shares.computeIfPresent(key, (k, existing) -> existing.leave());
        }
    }

    private boolean acquire(Semaphore slots) {
        try {
            return slots.tryAcquire(limits.slotWait().toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
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
    }
}
