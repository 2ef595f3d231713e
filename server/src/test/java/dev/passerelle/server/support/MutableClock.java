package dev.passerelle.server.support;

import dev.passerelle.server.testclock.MovableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock tests can move. It starts at the real time and only moves when told to, except that
 * {@link #reset()} puts it back on the real time. In sandbox mode it is the clock
 * {@code POST /test/clock} moves.
 */
public final class MutableClock extends Clock implements MovableClock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("The server works in UTC");
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    @Override
    public Duration offset() {
        return offset.get();
    }

    /** Moves time forward. */
    @Override
    public void advance(Duration duration) {
        offset.updateAndGet(d -> d.plus(duration));
    }

    /** Back to real time. */
    public void reset() {
        offset.set(Duration.ZERO);
    }
}
