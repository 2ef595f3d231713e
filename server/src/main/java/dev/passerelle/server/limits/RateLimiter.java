package dev.passerelle.server.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.passerelle.server.api.ApiError;
import dev.passerelle.server.api.ApiException;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Token buckets (Bucket4j) keyed by what is being limited, e.g. {@code auth|addr:203.0.113.7}.
 * Buckets read the injected {@link Clock}, so tests refill them by moving time. Idle buckets are
 * forgotten after an hour; limits are per server instance. Refusals are counted
 * ({@code passerelle.rate_limit.rejections}) by the part of the key before the client's own
 * identity, e.g. {@code auth|addr}: never the address or token itself.
 */
@Component
public class RateLimiter {

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofHours(1))
            .maximumSize(200_000)
            .build();
    private final TimeMeter time;
    private final MeterRegistry meters;

    public RateLimiter(Clock clock, MeterRegistry meters) {
        this.meters = meters;
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return TimeUnit.MILLISECONDS.toNanos(clock.millis());
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    /** Takes one request from the bucket {@code key} allowing {@code perMinute}; 429 when empty. */
    public void acquire(String key, int perMinute) {
        Bucket bucket = buckets.get(key, k -> Bucket.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .withCustomTimePrecision(time)
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            Counter.builder("passerelle.rate_limit.rejections").description("Requests refused by a rate limit")
                    .tag("limit", key.substring(0, key.indexOf(':') < 0 ? key.length() : key.indexOf(':')))
                    .register(meters).increment();
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
            throw new ApiException(ApiError.TOO_MANY_REQUESTS, "Rate limit reached; retry in " + seconds + " s", null,
                    Map.of("Retry-After", Long.toString(seconds)));
        }
    }
}
