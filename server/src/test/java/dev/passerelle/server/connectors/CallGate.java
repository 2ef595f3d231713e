package dev.passerelle.server.connectors;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Where a hand-written connector's calls wait until the test lets them through: open by default;
 * {@link #close()} makes the calls that {@link #pass()} wait (at most thirty seconds, so that a failed
 * test cannot hang the build) until {@link #open()}.
 */
final class CallGate {

    private static final Duration HELD_AT_MOST = Duration.ofSeconds(30);

    private volatile CountDownLatch latch = new CountDownLatch(0);
    private final Semaphore held = new Semaphore(0);

    void close() {
        held.drainPermits();
        latch = new CountDownLatch(1);
    }

    void open() {
        latch.countDown();
    }

    /** Whether {@code calls} calls have reached the gate since it closed (within ten seconds). */
    boolean holds(int calls) throws InterruptedException {
        return held.tryAcquire(calls, 10, TimeUnit.SECONDS);
    }

    /** Called by the connector: waits while the gate is closed. */
    void pass() {
        held.release();
        try {
            latch.await(HELD_AT_MOST.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
