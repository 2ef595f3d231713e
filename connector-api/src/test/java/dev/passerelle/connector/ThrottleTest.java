package dev.passerelle.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThrottleTest {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    private long now;
    private final List<Long> waits = new ArrayList<>();
    private final Throttle throttle = new Throttle(new RateLimit(2, Duration.ofSeconds(1)), () -> now, waits::add);

    @Test
    void callsWithinTheLimitGoAtOnceAndTheNextWaitsForItsToken() throws InterruptedException {
        throttle.acquire();
        throttle.acquire();
        throttle.acquire();

        assertThat(waits).containsExactly(SECOND / 2);
    }

    @Test
    void callsQueuedBehindAWaitingOneWaitInTurn() throws InterruptedException {
        throttle.acquire();
        throttle.acquire();
        throttle.acquire();
        throttle.acquire();

        assertThat(waits).containsExactly(SECOND / 2, SECOND);
    }

    @Test
    void anIdleInstitutionRefillsNoMoreThanItsLimit() throws InterruptedException {
        throttle.acquire();
        now += 10 * SECOND;

        throttle.acquire();
        throttle.acquire();
        throttle.acquire();

        assertThat(waits).containsExactly(SECOND / 2);
    }
}
