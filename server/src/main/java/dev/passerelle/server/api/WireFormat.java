package dev.passerelle.server.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.time.format.DateTimeFormatter;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * How values look on the wire (docs/protocol.md §11.4): date-times as {@code YYYY-MM-DD HH:MM:SS}
 * in the configured zone (stored in UTC), dates as {@code YYYY-MM-DD}, decimals as plain JSON
 * numbers without trailing zeros ({@code -196.38}).
 */
@Configuration(proxyBeanMethods = false)
public class WireFormat {

    /** The pattern of every date-time the API emits ([sdk] "sql-date-time"). */
    public static final String DATE_TIME_PATTERN = "yyyy-MM-dd HH:mm:ss";

    private static final int DATE_LENGTH = "YYYY-MM-DD".length();
    private static final int DATE_TIME_LENGTH = "YYYY-MM-DD HH:MM:SS".length();
    private static final long SECONDS_A_DAY = 86_400;
    /** Digits of a decimal written by hand: its unscaled value below 10^18 fits a {@code long}, its fraction this many at most. */
    private static final int MAX_LONG_DIGITS = 18;

    private final DateTimeFormatter dateTime;
    /** The offset found last and where it holds ({@link #offsetSeconds}); empty at first. */
    private volatile OffsetSpan span = new OffsetSpan(0, 0, 0);

    public WireFormat(WireProperties properties) {
        this.dateTime = DateTimeFormatter.ofPattern(DATE_TIME_PATTERN).withZone(properties.timeZone());
    }

    /**
     * Renders an instant as the API does. Written out by hand for the years of four digits (every
     * instant the API stores): a page of transactions holds three per row, and the general
     * formatter cost more than the rest of the row (docs/performance.md, P2).
     */
    public String format(Instant instant) {
        if (instant == null) {
            return null;
        }
        char[] text = new char[DATE_TIME_LENGTH];
        return inFourDigitYears(instant, text) ? new String(text) : dateTime.format(instant);
    }

    /** Writes an instant as {@link #format} renders it, a JSON null for null, without an intermediate string. */
    public void writeDateTime(JsonGenerator gen, Instant instant) {
        if (instant == null) {
            gen.writeNull();
            return;
        }
        char[] text = new char[DATE_TIME_LENGTH];
        if (inFourDigitYears(instant, text)) {
            gen.writeString(text, 0, DATE_TIME_LENGTH);
        } else {
            gen.writeString(dateTime.format(instant));
        }
    }

    /**
     * Writes a date as {@code YYYY-MM-DD} ({@link LocalDate#toString}), a JSON null for null,
     * without an intermediate string: a page of transactions holds four per row.
     */
    public static void writeDate(JsonGenerator gen, LocalDate date) {
        if (date == null) {
            gen.writeNull();
        } else if (date.getYear() < 0 || date.getYear() > 9999) {
            gen.writeString(date.toString());
        } else {
            char[] text = new char[DATE_LENGTH];
            date(text, date.getYear(), date.getMonthValue(), date.getDayOfMonth());
            gen.writeString(text, 0, DATE_LENGTH);
        }
    }

    /**
     * Writes a decimal as {@link #plain} renders it, a JSON null for null. The digits of a decimal
     * whose unscaled value fits a {@code long} (every amount the API stores) are written out by
     * hand: {@code stripTrailingZeros} and {@code toPlainString} made two objects and a string per
     * amount, three amounts a transaction (docs/performance.md, P2).
     */
    public static void writeDecimal(JsonGenerator gen, BigDecimal value) {
        if (value == null) {
            gen.writeNull();
        } else if (value.scale() < 0 || value.scale() > MAX_LONG_DIGITS || value.precision() > MAX_LONG_DIGITS) {
            gen.writeNumber(plain(value));
        } else {
            char[] text = new char[MAX_LONG_DIGITS + 3];
            int length = plainDigits(value.unscaledValue().longValue(), value.scale(), text);
            gen.writeNumber(text, text.length - length, length);
        }
    }

    /**
     * {@code unscaled × 10^-scale} without trailing zeros, right-aligned at the end of {@code text}
     * (sign, integer digits, point, fraction digits): the number of characters written.
     */
    private static int plainDigits(long unscaled, int scale, char[] text) {
        while (scale > 0 && unscaled % 10 == 0) {
            unscaled /= 10;
            scale--;
        }
        long left = Math.abs(unscaled);
        int at = text.length;
        for (int digit = 0; digit < scale; digit++, left /= 10) {
            text[--at] = (char) ('0' + left % 10);
        }
        if (scale > 0) {
            text[--at] = '.';
        }
        do {
            text[--at] = (char) ('0' + left % 10);
            left /= 10;
        } while (left > 0);
        if (unscaled < 0) {
            text[--at] = '-';
        }
        return text.length - at;
    }

    /**
     * Fills {@code text} with the wall-clock date-time of {@code instant} in the API's zone, when its
     * year has four digits; false for the others, which the general formatter writes.
     */
    private boolean inFourDigitYears(Instant instant, char[] text) {
        long local = instant.getEpochSecond() + offsetSeconds(instant.getEpochSecond());
        LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(local, SECONDS_A_DAY));
        if (day.getYear() < 0 || day.getYear() > 9999) {
            return false;
        }
        int second = (int) Math.floorMod(local, SECONDS_A_DAY);
        date(text, day.getYear(), day.getMonthValue(), day.getDayOfMonth());
        text[DATE_LENGTH] = ' ';
        digits(text, 11, 2, second / 3600);
        text[13] = ':';
        digits(text, 14, 2, second / 60 % 60);
        text[16] = ':';
        digits(text, 17, 2, second % 60);
        return true;
    }

    /**
     * The zone's offset at {@code epochSecond}, in seconds. The offset found last is kept with the
     * span between the zone's transitions it holds for, so that the instants of a page (mostly in one
     * span) skip the zone rules' lookups.
     */
    private int offsetSeconds(long epochSecond) {
        OffsetSpan known = span;
        if (epochSecond >= known.from() && epochSecond < known.until()) {
            return known.offsetSeconds();
        }
        Instant instant = Instant.ofEpochSecond(epochSecond);
        ZoneRules rules = dateTime.getZone().getRules();
        // previousTransition is the last one strictly before its argument: a nanosecond past this
        // second, the last one at or before it (transitions fall on whole seconds)
        ZoneOffsetTransition previous = rules.previousTransition(Instant.ofEpochSecond(epochSecond, 1));
        ZoneOffsetTransition next = rules.nextTransition(instant);
        OffsetSpan found = new OffsetSpan(previous == null ? Long.MIN_VALUE : previous.toEpochSecond(),
                next == null ? Long.MAX_VALUE : next.toEpochSecond(), rules.getOffset(instant).getTotalSeconds());
        span = found;
        return found.offsetSeconds();
    }

    /** {@code YYYY-MM-DD} at the start of {@code text}. */
    private static void date(char[] text, int year, int month, int day) {
        digits(text, 0, 4, year);
        text[4] = '-';
        digits(text, 5, 2, month);
        text[7] = '-';
        digits(text, 8, 2, day);
    }

    private static void digits(char[] text, int at, int width, int value) {
        for (int i = at + width - 1; i >= at; i--, value /= 10) {
            text[i] = (char) ('0' + value % 10);
        }
    }

    /** An offset of the zone and the instants it holds for: epoch seconds from {@code from} included to {@code until} excluded. */
    private record OffsetSpan(long from, long until, int offsetSeconds) {
    }

    /** The zone naive wire date-times are read and written in. */
    public ZoneId zone() {
        return dateTime.getZone();
    }

    @Bean
    public JacksonModule passerelleWireModule() {
        SimpleModule module = new SimpleModule("passerelle-wire");
        module.addSerializer(Instant.class, new ValueSerializer<>() {
            @Override
            public void serialize(Instant value, JsonGenerator gen, SerializationContext ctxt) {
                writeDateTime(gen, value);
            }
        });
        module.addSerializer(BigDecimal.class, new ValueSerializer<>() {
            @Override
            public void serialize(BigDecimal value, JsonGenerator gen, SerializationContext ctxt) {
                writeDecimal(gen, value);
            }
        });
        return module;
    }

    /** A decimal as a plain number string: {@code 12.50} → {@code 12.5}, {@code 100.00} → {@code 100}. */
    public static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    /** {@code passerelle.time-zone}: the zone of naive wire date-times, Europe/Paris by default. */
    @ConfigurationProperties("passerelle")
    public record WireProperties(ZoneId timeZone) {
        public WireProperties {
            timeZone = timeZone == null ? ZoneId.of("Europe/Paris") : timeZone;
        }
    }
}
