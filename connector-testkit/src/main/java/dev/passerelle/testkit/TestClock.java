package dev.passerelle.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock a test moves by hand, in UTC as the server's: delays pass and codes expire without waiting. */
public final class TestClock extends Clock {

    private volatile Instant now;

    public TestClock(Instant start) {
        this.now = start;
    }

    /** A clock at {@code start}, an ISO-8601 instant such as {@code 2024-03-14T09:30:00Z}. */
    public static TestClock at(String start) {
        return new TestClock(Instant.parse(start));
    }

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
        return now;
    }

    public TestClock advance(Duration by) {
        now = now.plus(by);
        return this;
    }

    public TestClock set(Instant instant) {
        now = instant;
        return this;
    }
}
