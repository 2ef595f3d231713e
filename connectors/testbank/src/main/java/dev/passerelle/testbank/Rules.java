package dev.passerelle.testbank;

import dev.passerelle.connector.TransactionType;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;

/** The kinds of {@link Rule} the test bank's accounts are made of. */
final class Rules {

    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("dd/MM");

    /** Makes the operation of one occurrence; {@code period} is the month it belongs to. */
    @FunctionalInterface
    interface Maker {
        Operation make(LocalDate day, YearMonth period, Random random);
    }

    private Rules() {
    }

    /** Once a month on {@code dayOfMonth} (or the next business day). */
    static Rule monthly(int dayOfMonth, Maker maker) {
        return occurring(day -> Schedule.monthlyOn(day, dayOfMonth), maker);
    }

    /** Once a quarter (January, April, July, October) on {@code dayOfMonth}. */
    static Rule quarterly(int dayOfMonth, Maker maker) {
        return occurring(day -> Schedule.monthlyOn(day, dayOfMonth).filter(m -> m.getMonthValue() % 3 == 1), maker);
    }

    /** Once a year in {@code month}, on {@code dayOfMonth}. */
    static Rule yearly(int month, int dayOfMonth, Maker maker) {
        return occurring(day -> Schedule.monthlyOn(day, dayOfMonth).filter(m -> m.getMonthValue() == month), maker);
    }

    /** On the last business day of each month. */
    static Rule endOfMonth(Maker maker) {
        return occurring(Schedule::lastBusinessDayOn, maker);
    }

    /** On a business day, with the given probability. */
    static Rule occasionally(double probability, Maker maker) {
        return (day, random) -> Schedule.isBusinessDay(day) && random.nextDouble() < probability
                ? List.of(maker.make(day, YearMonth.from(day), random))
                : List.of();
    }

    /**
     * Up to {@code maxPerDay} card payments at {@code shops}, made on the day or up to two days
     * before and worded as French banks do: {@code CB CARREFOUR 12/03}. Nothing is booked on Sundays.
     */
    static Rule cardPayments(List<Merchant> shops, int maxPerDay, TransactionType type, String maskedCard) {
        Maker payment = cardPaymentAt(shops, type, maskedCard);
        return (day, random) -> {
            if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                return List.of();
            }
            int count = random.nextInt(maxPerDay + 1);
            List<Operation> payments = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                payments.add(payment.make(day, YearMonth.from(day), random));
            }
            return payments;
        };
    }

    /** One card payment at one of {@code shops}, made on the booking day or up to two days before. */
    static Maker cardPaymentAt(List<Merchant> shops, TransactionType type, String maskedCard) {
        return (day, period, random) -> {
            Merchant shop = Seeds.pick(random, shops);
            return card(shop.name(), Seeds.amount(random, shop.min(), shop.max()).negate().toPlainString(),
                    day.minusDays(random.nextInt(3)), type, maskedCard);
        };
    }

    /** A card payment of {@code amount} (signed, as text) at {@code shop}, made on {@code madeOn}. */
    static Operation card(String shop, String amount, LocalDate madeOn, TransactionType type, String maskedCard) {
        return Operation.of(new BigDecimal(amount), type, "CB " + shop + " " + madeOn.format(DAY_MONTH), shop)
                .madeOn(madeOn)
                .byCard(maskedCard);
    }

    private static Rule occurring(Function<LocalDate, Optional<YearMonth>> occurrence, Maker maker) {
        return (day, random) -> occurrence.apply(day)
                .map(period -> List.of(maker.make(day, period, random)))
                .orElse(List.of());
    }
}
