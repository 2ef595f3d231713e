package dev.passerelle.connector;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Keeps the calls to one institution under its {@link RateLimit} across every connection of this
 * server instance: a token bucket of {@code permits} tokens refilled evenly over the period; a call
 * without a token waits for the next one, in turn. Rate limits are about real time, so it reads
 * {@link System#nanoTime()}, not the (movable) server clock.
 */
final class Throttle {

    /** How a throttled call waits; tests replace it. */
    interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    private final double permits;
    private final double tokensPerNano;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private double tokens;
    private long refilledAt;

    Throttle(RateLimit limit) {
        this(limit, System::nanoTime, TimeUnit.NANOSECONDS::sleep);
    }

    Throttle(RateLimit limit, LongSupplier nanoTime, Sleeper sleeper) {
        this.permits = limit.permits();
        this.tokensPerNano = limit.permits() / (double) limit.period().toNanos();
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
        this.tokens = permits;
        this.refilledAt = nanoTime.getAsLong();
    }

    /** Takes a token, waiting for it if none is left. */
    void acquire() throws InterruptedException {
        long wait = reserve();
        if (wait > 0) {
            sleeper.sleep(wait);
        }
    }

    /** Takes a token now, perhaps one not refilled yet: how long to wait before it is ours. */
    private synchronized long reserve() {
        long now = nanoTime.getAsLong();
        tokens = Math.min(permits, tokens + (now - refilledAt) * tokensPerNano);
        refilledAt = now;
        tokens -= 1;
        return tokens >= 0 ? 0 : (long) Math.ceil(-tokens / tokensPerNano);
    }
}
