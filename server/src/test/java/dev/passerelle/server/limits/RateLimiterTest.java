package dev.passerelle.server.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.passerelle.server.api.ApiError;
import dev.passerelle.server.api.ApiException;
import dev.passerelle.server.support.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final MutableClock clock = new MutableClock();
    private final RateLimiter limiter = new RateLimiter(clock, new SimpleMeterRegistry());

    @Test
    void requestsWithinTheLimitPass() {
        for (int i = 0; i < 5; i++) {
            limiter.acquire("auth|addr:a", 5);
        }
    }

    @Test
    void theRequestPastTheLimitIsTooManyRequestsWithRetryAfter() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire("auth|addr:a", 3);
        }

        assertThatThrownBy(() -> limiter.acquire("auth|addr:a", 3))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.error()).isEqualTo(ApiError.TOO_MANY_REQUESTS);
                    assertThat(Long.parseLong(e.headers().get("Retry-After"))).isBetween(1L, 60L);
                });
    }

    @Test
    void bucketsAreSeparatePerKey() {
        limiter.acquire("auth|addr:a", 1);

        limiter.acquire("auth|addr:b", 1);
    }

    @Test
    void theBucketRefillsAsTimePasses() {
        limiter.acquire("auth|addr:a", 1);
        clock.advance(Duration.ofMinutes(1));

        limiter.acquire("auth|addr:a", 1);
    }
}
