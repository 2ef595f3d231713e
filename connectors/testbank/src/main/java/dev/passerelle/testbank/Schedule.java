package dev.passerelle.testbank;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;

/** When recurring operations are booked: on business days, a day falling on a weekend moving to the Monday. */
final class Schedule {

    private Schedule() {
    }

    static boolean isBusinessDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** The month whose {@code dayOfMonth} occurrence is booked on {@code day}, if one is. */
    static Optional<YearMonth> monthlyOn(LocalDate day, int dayOfMonth) {
        YearMonth month = YearMonth.from(day);
        for (YearMonth candidate : new YearMonth[] {month, month.minusMonths(1)}) {
            if (bookingDay(candidate, dayOfMonth).equals(day)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The day the {@code dayOfMonth} occurrence of {@code month} is booked. */
    static LocalDate bookingDay(YearMonth month, int dayOfMonth) {
        LocalDate day = month.atDay(Math.min(dayOfMonth, month.lengthOfMonth()));
        while (!isBusinessDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** The month {@code day} is the last business day of, if it is one. */
    static Optional<YearMonth> lastBusinessDayOn(LocalDate day) {
        return Optional.of(YearMonth.from(day)).filter(month -> lastBusinessDay(month).equals(day));
    }

    static LocalDate lastBusinessDay(YearMonth month) {
        LocalDate day = month.atEndOfMonth();
        while (!isBusinessDay(day)) {
            day = day.minusDays(1);
        }
        return day;
    }
}
