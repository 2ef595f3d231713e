package dev.passerelle.server.config;

import java.time.Duration;
import java.time.Instant;

/** The server clock in sandbox mode: it can be moved forward, never back. */
public interface MovableClock {

    Instant instant();

    /** How far ahead of the real time the clock is. */
    Duration offset();

    /** Moves the clock {@code by} forward (not negative). */
    void advance(Duration by);
}
