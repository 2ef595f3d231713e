package dev.passerelle.server.api;

import java.util.Locale;
import java.util.Optional;

/**
 * Boolean parameters as clients send them: the value-less {@code ?all}, {@code all=}, {@code all=true},
 * {@code 1}, {@code yes} are true; {@code false}, {@code 0}, {@code no} are false (docs/protocol.md §0).
 */
public final class Flags {

    private Flags() {
    }

    /** A query flag: absent (null) is false, present without value is true. */
    public static boolean isOn(String name, String rawValue) {
        return rawValue != null && parse(name, rawValue);
    }

    /** A present boolean value; anything unrecognised is {@link ApiError#INVALID_VALUE}. */
    public static boolean parse(String name, String rawValue) {
        return read(rawValue).orElseThrow(() -> ApiError.INVALID_VALUE.exception("'" + name + "' must be a boolean"));
    }

    /** A present boolean value, or empty when it is no flag (for callers that refuse it their own way, as pages do). */
    public static Optional<Boolean> read(String rawValue) {
        return switch (rawValue == null ? "" : rawValue.trim().toLowerCase(Locale.ROOT)) {
            case "", "true", "1", "yes", "on" -> Optional.of(true);
            case "false", "0", "no", "off" -> Optional.of(false);
            default -> Optional.empty();
        };
    }
}
