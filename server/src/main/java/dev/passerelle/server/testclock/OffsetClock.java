package dev.passerelle.server.testclock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock some offset ahead of another: the sandbox server clock. Every instant the server reads
 * moves with it, so expiries and schedules can be tried in seconds. The offset lives in this
 * process: each instance of a sandbox keeps its own.
 */
public class OffsetClock extends Clock implements MovableClock {

    private final Clock base;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public OffsetClock(Clock base) {
        this.base = base;
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("The server works in UTC");
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public Duration offset() {
        return offset.get();
    }

    @Override
    public void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("The clock only moves forward");
        }
        offset.updateAndGet(current -> current.plus(by));
    }

    /** Back to the base clock's time: only for tests, which start each case from real time. */
    protected void resetOffset() {
        offset.set(Duration.ZERO);
    }
}
