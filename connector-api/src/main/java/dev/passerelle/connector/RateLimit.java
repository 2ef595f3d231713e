package dev.passerelle.connector;

import java.time.Duration;
import java.util.Objects;

/**
 * How many calls an institution accepts: at most {@code permits} requests per {@code period},
 * across every connection the server instance runs on the connector. The server's HTTP client
 * ({@link ConnectionContext#http()}) waits its turn under it.
 */
public record RateLimit(int permits, Duration period) {

    public RateLimit {
        Objects.requireNonNull(period, "period");
        if (permits < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("a rate limit allows at least one call per positive period");
        }
    }

    public static RateLimit perSecond(int permits) {
        return new RateLimit(permits, Duration.ofSeconds(1));
    }
}
