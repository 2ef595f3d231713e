package dev.passerelle.runtime.lease;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * One step at a time on a connection: a step (and any connector call about the connection, such as
 * the hook after an account activation) runs holding the connection's lease, so that a user's
 * request, a background sync and a background poll never call the institution at once for the same
 * connection. A lease outlived by its holder ({@code length} passed: a killed instance) is taken over.
 */
public final class Leases {

    /** The lease is held by another step. */
    public static final class Busy extends RuntimeException {
        public Busy(long connectionId) {
            super("A step is already running on connection " + connectionId, null, false, false);
        }
    }

    private final LeaseStore store;
    private final Duration length;
    private final Clock clock;

    public Leases(LeaseStore store, Duration length, Clock clock) {
        this.store = store;
        this.length = length;
        this.clock = clock;
    }

    /** Takes the lease, or {@link Busy}; whoever takes it releases it. */
    public void take(long connectionId) {
        Instant now = clock.instant();
        if (!store.take(connectionId, now, now.plus(length))) {
            throw new Busy(connectionId);
        }
    }

    public void release(long connectionId) {
        store.release(connectionId);
    }

    /** Runs {@code work} holding the lease ({@link Busy} when another step holds it). */
    public <T> T holding(long connectionId, Supplier<T> work) {
        take(connectionId);
        return held(connectionId, work);
    }

    /**
     * Runs {@code work} under a lease the caller took already, and releases it: a connection's first step,
     * whose lease was taken in the transaction that wrote the connection, so that no other step can come between.
     */
    public <T> T held(long connectionId, Supplier<T> work) {
        try {
            return work.get();
        } finally {
            release(connectionId);
        }
    }
}
