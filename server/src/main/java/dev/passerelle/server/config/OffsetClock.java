package dev.passerelle.server.config;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongFunction;

/**
 * A clock some offset ahead of another: the sandbox server clock. Every instant the server reads
 * moves with it, so expiries and schedules can be tried in seconds. The offset lives in this
 * process: each instance of a sandbox keeps its own. Inside a {@link UserTime} scope, the instant
 * is that user's time: the server's plus the user's own offset, once {@link #followUsers} told
 * where those offsets are.
 */
public class OffsetClock extends Clock implements MovableClock {

    private final Clock base;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
    private volatile LongFunction<Duration> userOffsets = userId -> Duration.ZERO;

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

    /** The time of the user the current work is about, or the server's time outside a user scope. */
    @Override
    public Instant instant() {
        OptionalLong user = UserTime.current();
        Instant server = serverInstant();
        return user.isPresent() ? server.plus(userOffsets.apply(user.getAsLong())) : server;
    }

    /** The server's time, whatever user the current work is about: the time db-scheduler runs on. */
    public Instant serverInstant() {
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

    /** From now on, a user's time is the server's plus {@code offsets.apply(userId)}. */
    public void followUsers(LongFunction<Duration> offsets) {
        this.userOffsets = offsets;
    }

    /** Back to the base clock's time: only for tests, which start each case from real time. */
    protected void resetOffset() {
        offset.set(Duration.ZERO);
    }
}
