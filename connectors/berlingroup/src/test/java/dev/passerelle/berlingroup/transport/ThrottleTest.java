package dev.passerelle.berlingroup.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.connector.RateLimit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ThrottleTest {

    private final AtomicLong now = new AtomicLong();
    private final List<Long> waits = new ArrayList<>();
    private final Throttle throttle = new Throttle(new RateLimit(2, Duration.ofSeconds(1)), now::get, nanos -> {
        waits.add(nanos);
        now.addAndGet(nanos);
    });

    @Test
    void callsBeyondTheLimitWaitTheirTurn() throws InterruptedException {
        throttle.acquire();
        throttle.acquire();
        throttle.acquire();
        throttle.acquire();

        assertThat(waits).containsExactly(Duration.ofMillis(500).toNanos(), Duration.ofMillis(500).toNanos());
    }

    @Test
    void unusedPermitsRefillButNeverBeyondTheLimit() throws InterruptedException {
        now.addAndGet(Duration.ofMinutes(1).toNanos());
        throttle.acquire();
        throttle.acquire();
        throttle.acquire();

        assertThat(waits).containsExactly(Duration.ofMillis(500).toNanos());
    }
}
