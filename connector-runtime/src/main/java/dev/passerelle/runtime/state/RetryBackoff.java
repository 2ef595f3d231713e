package dev.passerelle.runtime.state;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * When a source that failed transiently ({@code rateLimiting}, {@code websiteUnavailable},
 * {@code bug}: "auto-retried", docs/protocol.md §4) is tried again: exponential backoff with equal
 * jitter. The n-th consecutive failure waits between half and all of
 * {@code min(retry-max-delay, retry-delay × 2^(n-1))}: the doubling spares an institution that is
 * down, the jitter spreads the connections that failed together (one outage fails them all at once)
 * so that they do not come back together, and the guaranteed half keeps a retry from following at
 * once. The institution's own hint ({@code Retry-After}) is a floor: retrying earlier is refused.
 */
public final class RetryBackoff {

    private final Duration base;
    private final Duration max;
    private final DoubleSupplier random;

    /**
     * @param base the longest wait after the first failure ({@code passerelle.connections.retry-delay})
     * @param max  the longest wait however many failures came before ({@code retry-max-delay})
     */
    public RetryBackoff(Duration base, Duration max) {
        this(base, max, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** With {@code random} giving values in [0, 1): tests give fixed ones. */
    public RetryBackoff(Duration base, Duration max, DoubleSupplier random) {
        this.base = base;
        this.max = max;
        this.random = random;
    }

    /**
     * The wait after the {@code failures}-th consecutive transient failure (1 for the first).
     *
     * @param hint how long the institution asked us to wait, or null
     */
    public Duration delay(int failures, Duration hint) {
        Duration half = ceiling(failures).dividedBy(2);
        Duration jittered = half.plus(Duration.ofMillis(Math.round(half.toMillis() * random.getAsDouble())));
        return hint != null && hint.compareTo(jittered) > 0 ? hint : jittered;
    }

    /** {@code min(max, base × 2^(failures-1))}, doubled step by step so that no failure count overflows. */
    public Duration ceiling(int failures) {
        Duration ceiling = base;
        for (int n = 1; n < failures && ceiling.compareTo(max) < 0; n++) {
            ceiling = ceiling.multipliedBy(2);
        }
        return ceiling.compareTo(max) < 0 ? ceiling : max;
    }
}
