package dev.passerelle.server.domainconfig;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * One domain configuration key: its name on the wire, its type, and its value when no one set it
 * (from the configuration files, or null for "not set": the reader then falls back on its own).
 *
 * @param description what the key does, in English, for the API's errors and the docs (the console
 *                    shows the text of its message bundle)
 */
public record ConfigKey<T>(String name, ConfigType<T> type, T defaultValue, String description) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*");

    public ConfigKey {
        if (!NAME.matcher(name).matches() || name.length() > 100) {
            throw new IllegalArgumentException("A configuration key is lower-case words joined by dots: " + name);
        }
    }

    public static ConfigKey<Boolean> flag(String name, boolean defaultValue, String description) {
        return new ConfigKey<>(name, new ConfigType.Flag(), defaultValue, description);
    }

    public static ConfigKey<Long> whole(String name, long min, long max, long defaultValue, String description) {
        return new ConfigKey<>(name, new ConfigType.Whole(min, max), defaultValue, description);
    }

    public static ConfigKey<Duration> period(String name, ChronoUnit unit, long min, long max, Duration defaultValue,
                                             String description) {
        return new ConfigKey<>(name, new ConfigType.Period(unit, min, max), defaultValue, description);
    }

    /** A decimal key; a null default means "not set", and setting it to an empty value unsets it again. */
    public static ConfigKey<BigDecimal> decimal(String name, BigDecimal min, BigDecimal max, BigDecimal defaultValue,
                                                String description) {
        return new ConfigKey<>(name, new ConfigType.Decimal(min, max), defaultValue, description);
    }

    /** The default as the API shows it. */
    public Object wireDefault() {
        return defaultValue == null ? null : type.wire(defaultValue);
    }
}
