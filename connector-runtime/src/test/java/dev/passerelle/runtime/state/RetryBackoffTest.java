package dev.passerelle.runtime.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Exponential backoff with equal jitter after consecutive transient failures (docs/protocol.md §4 "auto-retried"). */
class RetryBackoffTest {

    static final Duration BASE = Duration.ofMinutes(5);
    static final Duration MAX = Duration.ofHours(24);

    @Test
    void whenFailuresRepeatThenTheCeilingDoublesUntilTheMaximum() {
        RetryBackoff backoff = backoff(0);

        assertThat(backoff.ceiling(1)).isEqualTo(BASE);
        assertThat(backoff.ceiling(2)).isEqualTo(Duration.ofMinutes(10));
        assertThat(backoff.ceiling(5)).isEqualTo(Duration.ofMinutes(80));
        assertThat(backoff.ceiling(10)).isEqualTo(MAX);
        assertThat(backoff.ceiling(Integer.MAX_VALUE)).isEqualTo(MAX);
    }

    @Test
    void whenTheRandomDrawIsLowestThenHalfTheCeilingAndWhenHighestThenAlmostAll() {
        assertThat(backoff(0).delay(3, null)).isEqualTo(Duration.ofMinutes(10));
        assertThat(backoff(0.999).delay(3, null)).isBetween(Duration.ofMinutes(19), Duration.ofMinutes(20));
    }

    @Test
    void whenTheInstitutionAsksForMoreThanTheBackoffThenItsHintIsTheFloor() {
        assertThat(backoff(0.5).delay(1, Duration.ofHours(2))).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void whenTheInstitutionAsksForLessThanTheBackoffThenTheBackoffHolds() {
        assertThat(backoff(0.5).delay(4, Duration.ofSeconds(60))).isEqualTo(Duration.ofMinutes(30));
    }

    private static RetryBackoff backoff(double draw) {
        return new RetryBackoff(BASE, MAX, () -> draw);
    }
}
