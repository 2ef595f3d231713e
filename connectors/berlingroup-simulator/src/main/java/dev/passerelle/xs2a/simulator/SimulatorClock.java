package dev.passerelle.xs2a.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The simulator's time: the system clock or a fixed instant, plus an offset that tests move forward.
 * Everything that depends on time (generated transactions, consent validity, the daily access count,
 * decoupled SCA delays, OAuth code and token lifetimes) reads this clock, never the real day.
 */
public final class SimulatorClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset;

    private SimulatorClock(Clock base, AtomicReference<Duration> offset) {
        this.base = base;
        this.offset = offset;
    }

    /** The real time, movable forward. */
    public static SimulatorClock system() {
        return new SimulatorClock(Clock.systemUTC(), new AtomicReference<>(Duration.ZERO));
    }

    /** A clock standing still at {@code instant} until moved. */
    public static SimulatorClock fixedAt(Instant instant) {
        return new SimulatorClock(Clock.fixed(instant, ZoneOffset.UTC), new AtomicReference<>(Duration.ZERO));
    }

    /**
     * A clock that reads {@code base}, e.g. the clock a connector test moves: the bank's time then
     * follows the test's (and can still be moved on its own).
     */
    public static SimulatorClock following(Clock base) {
        return new SimulatorClock(Objects.requireNonNull(base, "base"), new AtomicReference<>(Duration.ZERO));
    }

    /** Moves the clock forward (or back, with a negative duration). */
    public void advance(Duration by) {
        Objects.requireNonNull(by, "by");
        offset.updateAndGet(current -> current.plus(by));
    }

    /** Moves the clock so that it reads {@code instant} now. */
    public void set(Instant instant) {
        offset.set(Duration.between(base.instant(), instant));
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        SimulatorClock self = this;
        return new Clock() {
            @Override
            public Instant instant() {
                return self.instant();
            }

            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return self.withZone(other);
            }
        };
    }
}
