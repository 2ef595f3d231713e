package dev.passerelle.client;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a call answered 429 (a rate or concurrency limit) or 503 (the server is briefly unavailable)
 * is sent again: after the server's {@code Retry-After} when it gives one (RFC 9110 §10.2.3),
 * otherwise after an exponential backoff with equal jitter from {@code initialBackoff} up to
 * {@code maxBackoff}; at most {@code maxRetries} times, and never when the server asks for a wait
 * longer than {@code maxWait} (the error is then thrown with its {@code retryAfter}). Neither
 * answer means the call did anything, so a {@code POST} is as safe to repeat as a {@code GET}.
 *
 * @param sleeper how the client waits; tests may record or shorten it
 */
public record RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff, Duration maxWait,
                          Sleeper sleeper) {

    /** How the client waits between two attempts. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** Three retries, 0.5 s doubling up to 8 s, at most one minute asked by the server. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(3, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofMinutes(1),
                duration -> Thread.sleep(duration));
    }

    /** Never retries. */
    public static RetryPolicy none() {
        return defaults().withMaxRetries(0);
    }

    public RetryPolicy withMaxRetries(int retries) {
        return new RetryPolicy(retries, initialBackoff, maxBackoff, maxWait, sleeper);
    }

    public RetryPolicy withSleeper(Sleeper other) {
        return new RetryPolicy(maxRetries, initialBackoff, maxBackoff, maxWait, other);
    }

    /** The wait before retry number {@code retry} (1 for the first) when the server named none. */
    Duration backoff(int retry) {
        long ceiling = Math.min(maxBackoff.toMillis(), initialBackoff.toMillis() << Math.min(retry - 1, 20));
        return Duration.ofMillis(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
    }
}
