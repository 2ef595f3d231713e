package dev.passerelle.server.api;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.regex.Pattern;

/**
 * A date or date-time query parameter ({@code min_date}, {@code max_date}, {@code last_update};
 * docs/protocol.md §0 "Temporal filtering", §7.2). Accepted: a year {@code 2024}, a month
 * {@code 2024-03}, a day {@code 2024-03-01}, and a date-time with an ISO 8601 offset
 * ({@code 2024-03-01T10:00:00Z}, {@code +01:00}, {@code +0100} as C's {@code strftime("%z")} writes it,
 * or {@code +01}) or without one ({@code 2024-03-01 10:00:00} or with a {@code T}), read in the API's
 * zone. A period stands for its first day as a lower bound and its last day as an upper bound.
 */
public final class DateParam {

    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /** An unencoded {@code +} in a query string arrives as a space: {@code 10:00:00 01:00}. */
    private static final Pattern SPACED_OFFSET = Pattern.compile("(T?\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?) (\\d{2}(?::?\\d{2})?)$");
    /**
     * A date-time with or without an offset, in each of ISO 8601's offset forms; strict, so that
     * 2024-02-30 is refused rather than read as the 29th.
     */
    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT)
            .withChronology(IsoChronology.INSTANCE);

    private final String name;
    private final String raw;
    private final ZoneId zone;

    private DateParam(String name, String raw, ZoneId zone) {
        this.name = name;
        this.raw = raw.trim();
        this.zone = zone;
    }

    /**
     * The instants {@code min_date} and {@code max_date} bound a list's timestamps to: {@code from}
     * included, {@code until} excluded ({@link #upperBound}); null where the parameter is absent.
     */
    public record Instants(Instant from, Instant until) {
    }

    /** The days {@code min_date} and {@code max_date} bound a list's dates to, both included; null where absent. */
    public record Days(LocalDate first, LocalDate last) {
    }

    /** {@code min_date} and {@code max_date} read as bounds on timestamps. */
    public static Instants instants(String minDate, String maxDate, ZoneId zone) {
        DateParam min = of("min_date", minDate, zone);
        DateParam max = of("max_date", maxDate, zone);
        return new Instants(min == null ? null : min.instant(), max == null ? null : max.upperBound());
    }

    /** {@code min_date} and {@code max_date} read as bounds on dates. */
    public static Days days(String minDate, String maxDate, ZoneId zone) {
        DateParam min = of("min_date", minDate, zone);
        DateParam max = of("max_date", maxDate, zone);
        return new Days(min == null ? null : min.firstDay(), max == null ? null : max.lastDay());
    }

    /** The parameter, or null when absent or blank. */
    public static DateParam of(String name, String raw, ZoneId zone) {
        return raw == null || raw.isBlank() ? null : new DateParam(name, raw, zone);
    }

    /** The first day the value covers. */
    public LocalDate firstDay() {
        try {
            if (YEAR.matcher(raw).matches()) {
                return Year.parse(raw).atDay(1);
            }
            if (MONTH.matcher(raw).matches()) {
                return YearMonth.parse(raw).atDay(1);
            }
            if (DAY.matcher(raw).matches()) {
                return LocalDate.parse(raw);
            }
            return instant().atZone(zone).toLocalDate();
        } catch (DateTimeException e) {
            throw invalid();
        }
    }

    /** The last day the value covers. */
    public LocalDate lastDay() {
        try {
            if (YEAR.matcher(raw).matches()) {
                return Year.parse(raw).atMonth(12).atEndOfMonth();
            }
            if (MONTH.matcher(raw).matches()) {
                return YearMonth.parse(raw).atEndOfMonth();
            }
        } catch (DateTimeException e) {
            throw invalid();
        }
        return firstDay();
    }

    /**
     * The one day the value names, for a date written rather than filtered on: {@code YYYY-MM-DD}, or
     * a date-time's day in the API's zone; a year or a month names no one day, and a day must fall in
     * the years 1 to 9999 that {@code YYYY-MM-DD} writes.
     */
    public LocalDate day() {
        if (YEAR.matcher(raw).matches() || MONTH.matcher(raw).matches()) {
            throw invalidDay();
        }
        LocalDate day;
        try {
            day = firstDay();
        } catch (ApiException e) {
            throw invalidDay();
        }
        if (day.getYear() < 1 || day.getYear() > 9999) {
            throw invalidDay();
        }
        return day;
    }

    /** The instant the value starts at (a bare date or period: its first midnight in the API's zone). */
    public Instant instant() {
        if (YEAR.matcher(raw).matches() || MONTH.matcher(raw).matches() || DAY.matcher(raw).matches()) {
            return firstDay().atStartOfDay(zone).toInstant();
        }
        String iso = SPACED_OFFSET.matcher(raw).replaceFirst("$1+$2");
        if (iso.length() > 10 && iso.charAt(10) == ' ') {
            iso = iso.substring(0, 10) + 'T' + iso.substring(11);
        }
        try {
            TemporalAccessor parsed = DATE_TIME.parseBest(iso, OffsetDateTime::from, LocalDateTime::from);
            return parsed instanceof OffsetDateTime withOffset
                    ? withOffset.toInstant()
                    : ((LocalDateTime) parsed).atZone(zone).toInstant();
        } catch (DateTimeException e) {
            throw invalid();
        }
    }

    /**
     * The first instant after what the value covers, as an exclusive upper bound: the midnight after
     * a day, month or year; a microsecond (what the database keeps) after a date-time.
     */
    public Instant upperBound() {
        if (YEAR.matcher(raw).matches() || MONTH.matcher(raw).matches() || DAY.matcher(raw).matches()) {
            return lastDay().plusDays(1).atStartOfDay(zone).toInstant();
        }
        return instant().plusNanos(1000);
    }

    private ApiException invalidDay() {
        return ApiError.INVALID_VALUE.exception("'" + name + "' must be a day YYYY-MM-DD or a date-time such as "
                + "2024-03-01T10:00:00Z or 2024-03-01 10:00:00");
    }

    private RuntimeException invalid() {
        return ApiError.INVALID_VALUE.exception("'" + name + "' must be YYYY, YYYY-MM, YYYY-MM-DD or a date-time such as "
                + "2024-03-01T10:00:00Z, 2024-03-01T10:00:00+01:00 or 2024-03-01 10:00:00");
    }
}
