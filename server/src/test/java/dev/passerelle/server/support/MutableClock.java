package dev.passerelle.server.support;

import dev.passerelle.server.config.OffsetClock;
import java.time.Clock;

/**
 * The server clock of tests: the sandbox's offset clock on the real time, which tests move
 * forward ({@link #advance}) instead of sleeping, and {@link #reset()} puts back on the real time.
 * In sandbox mode it is the clock {@code POST /test/clock} moves.
 */
public final class MutableClock extends OffsetClock {

    public MutableClock() {
        super(Clock.systemUTC());
    }

    /** Back to real time. */
    public void reset() {
        resetOffset();
    }
}
