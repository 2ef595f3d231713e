package dev.passerelle.testbank;

import dev.passerelle.connector.Loan;
import dev.passerelle.connector.LoanType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/**
 * A fixed-rate amortizing loan repaid on the {@link #DUE_DAY} of each month from the month after
 * its subscription: gives the monthly instalment and, for any day, what is left to repay.
 *
 * @param ratePercent yearly nominal rate, in percent
 * @param type        {@link LoanType#MORTGAGE} or {@link LoanType#LOAN}
 */
record LoanPlan(BigDecimal principal, BigDecimal ratePercent, int months, LocalDate subscribed, LoanType type) {

    static final int DUE_DAY = 10;

    BigDecimal instalment() {
        double rate = monthlyRate();
        double payment = principal.doubleValue() * rate / (1 - Math.pow(1 + rate, -months));
        return money(payment);
    }

    /** Whether the instalment of {@code period} is due (the loan runs that month). */
    boolean dueIn(YearMonth period) {
        YearMonth first = YearMonth.from(subscribed).plusMonths(1);
        return !period.isBefore(first) && period.isBefore(first.plusMonths(months));
    }

    BigDecimal remaining(LocalDate today) {
        int paid = paymentsDone(today);
        double rate = monthlyRate();
        double growth = Math.pow(1 + rate, paid);
        double left = principal.doubleValue() * growth - instalment().doubleValue() * (growth - 1) / rate;
        return money(Math.max(0, left));
    }

    Loan detailsOn(LocalDate today) {
        int paid = paymentsDone(today);
        return Loan.builder()
                .totalAmount(principal)
                .rate(ratePercent)
                .durationMonths(months)
                .subscriptionDate(subscribed)
                .maturityDate(dueDate(months - 1))
                .nextPaymentAmount(instalment())
                .nextPaymentDate(paid < months ? dueDate(paid) : null)
                .paymentsDone(paid)
                .paymentsLeft(months - paid)
                .type(type)
                .build();
    }

    private int paymentsDone(LocalDate today) {
        long elapsed = ChronoUnit.MONTHS.between(YearMonth.from(subscribed).plusMonths(1), YearMonth.from(today));
        int done = (int) elapsed + (today.getDayOfMonth() >= DUE_DAY ? 1 : 0);
        return Math.clamp(done, 0, months);
    }

    /** The due date of instalment number {@code index} (0 for the first). */
    private LocalDate dueDate(int index) {
        return YearMonth.from(subscribed).plusMonths(1L + index).atDay(DUE_DAY);
    }

    private double monthlyRate() {
        return ratePercent.doubleValue() / 100 / 12;
    }

    private static BigDecimal money(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_EVEN);
    }
}
