package dev.passerelle.runtime;

import java.time.Instant;

/**
 * One line a connector wrote about a call ({@link dev.passerelle.connector.ConnectorLog}), or the
 * runtime wrote about it (a fault), secrets already masked.
 */
public record LogLine(Level level, String message, Instant at) {

    /** How much it matters. */
    public enum Level {
        INFO, WARN
    }
}
