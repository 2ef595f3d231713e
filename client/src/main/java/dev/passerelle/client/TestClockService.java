package dev.passerelle.client;

import dev.passerelle.client.model.ClockTime;
import java.time.Duration;
import java.util.Map;

/**
 * A sandbox clock (docs/operations.md, "Sandbox test clock"): the server's ({@code /test/clock},
 * config token) or one user's ({@code /users/{u}/test/clock}). Only in sandbox mode; clocks only
 * move forward.
 */
public final class TestClockService {

    private final Transport transport;
    private final String path;

    TestClockService(Transport transport, String path) {
        this.transport = transport;
        this.path = path;
    }

    public ClockTime get() {
        return transport.get(path, null, ClockTime.class);
    }

    /** Moves the clock {@code by} forward; expiries, delays and schedules see the new time. */
    public ClockTime advance(Duration by) {
        return transport.call("POST", path, null, Map.of("advance", by.toString()), ClockTime.class);
    }
}
