package dev.passerelle.server.domainconfig;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The type of a configuration key: how a value sent by a client is read and checked, how it is
 * stored, and how it appears on the wire (typed JSON: booleans, numbers).
 */
public sealed interface ConfigType<T> {

    /** The value {@code raw} stands for; {@link IllegalArgumentException} when it is not one, with {@link #expected}. */
    T parse(String raw);

    /** The stored text of {@code value}, which {@link #parse} reads back. */
    String store(T value);

    /** {@code value} as the API shows it. */
    Object wire(T value);

    /** What a valid value is, for errors and the console: "a whole number from 1 to 60". */
    String expected();

    /** A boolean: {@code true}/{@code false}, {@code 1}/{@code 0}, {@code yes}/{@code no}, {@code on}/{@code off}. */
    record Flag() implements ConfigType<Boolean> {
        @Override
        public Boolean parse(String raw) {
            return switch (raw.strip().toLowerCase(Locale.ROOT)) {
                case "true", "1", "yes", "on" -> true;
                case "false", "0", "no", "off" -> false;
                default -> throw new IllegalArgumentException(expected());
            };
        }

        @Override
        public String store(Boolean value) {
            return value.toString();
        }

        @Override
        public Object wire(Boolean value) {
            return value;
        }

        @Override
        public String expected() {
            return "true or false";
        }
    }

    /** A whole number of {@code unit} from {@code min} to {@code max}, read as a {@link Duration}. */
    record Period(ChronoUnit unit, long min, long max) implements ConfigType<Duration> {
        @Override
        public Duration parse(String raw) {
            long amount = Whole.parseWhole(raw, min, max, expected());
            return unit.getDuration().multipliedBy(amount);
        }

        @Override
        public String store(Duration value) {
            return Long.toString(value.dividedBy(unit.getDuration()));
        }

        /** Whole units, or a decimal for a configured default that is not a whole number of them. */
        @Override
        public Object wire(Duration value) {
            BigDecimal units = BigDecimal.valueOf(value.toNanos())
                    .divide(BigDecimal.valueOf(unit.getDuration().toNanos()), 6, RoundingMode.HALF_UP)
                    .stripTrailingZeros();
            return units.scale() <= 0 ? (Object) units.longValueExact() : units;
        }

        @Override
        public String expected() {
            return "a whole number of " + unit.name().toLowerCase(Locale.ROOT) + " from " + min + " to " + max;
        }
    }

    /** A whole number from {@code min} to {@code max}. */
    record Whole(long min, long max) implements ConfigType<Long> {
        @Override
        public Long parse(String raw) {
            return parseWhole(raw, min, max, expected());
        }

        @Override
        public String store(Long value) {
            return value.toString();
        }

        @Override
        public Object wire(Long value) {
            return value;
        }

        @Override
        public String expected() {
            return "a whole number from " + min + " to " + max;
        }

        static long parseWhole(String raw, long min, long max, String expected) {
            try {
                BigDecimal number = new BigDecimal(raw.strip());
                long value = number.longValueExact();
                if (value < min || value > max) {
                    throw new IllegalArgumentException(expected);
                }
                return value;
            } catch (NumberFormatException | ArithmeticException e) {
                throw new IllegalArgumentException(expected);
            }
        }
    }

    /** A decimal number from {@code min} to {@code max}, at most six decimals. */
    record Decimal(BigDecimal min, BigDecimal max) implements ConfigType<BigDecimal> {
        @Override
        public BigDecimal parse(String raw) {
            try {
                BigDecimal value = new BigDecimal(raw.strip()).stripTrailingZeros();
                if (value.compareTo(min) < 0 || value.compareTo(max) > 0 || value.scale() > 6) {
                    throw new IllegalArgumentException(expected());
                }
                return value;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(expected());
            }
        }

        @Override
        public String store(BigDecimal value) {
            return value.toPlainString();
        }

        @Override
        public Object wire(BigDecimal value) {
            return value;
        }

        @Override
        public String expected() {
            return "a number from " + min.toPlainString() + " to " + max.toPlainString() + " (at most 6 decimals)";
        }
    }
}
