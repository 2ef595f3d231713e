package dev.passerelle.testbank;

import dev.passerelle.connector.Account;
import dev.passerelle.connector.Transaction;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * One account of the test bank: its fixed description, what is booked on it, and how its balance
 * reads on a given day.
 *
 * @param description the account with its fixed fields; balance, coming and loan details are set per day
 * @param balance     the balance on a day
 * @param loan        the loan behind a loan account, or {@code null}
 */
record BankAccount(Account description, Activity activity, Function<LocalDate, BigDecimal> balance, LoanPlan loan) {

    /** An account whose balance does not move with the days (a simplification the brief allows). */
    static BankAccount steady(Account description, Activity activity, BigDecimal balance) {
        return new BankAccount(description, activity, today -> balance, null);
    }

    /** A deferred card: it owes what it spent since the 1st, until the monthly debit on the checking account. */
    static BankAccount deferredCard(Account description, Activity activity) {
        return new BankAccount(description, activity,
                today -> activity.bookedTotal(today.withDayOfMonth(1), today), null);
    }

    /** A loan account: it owes what is left to repay. */
    static BankAccount loan(Account description, Activity activity, LoanPlan plan) {
        return new BankAccount(description, activity, today -> plan.remaining(today).negate(), plan);
    }

    String externalId() {
        return description.externalId();
    }

    /** The account as the bank shows it on {@code today}; a loan account opened when the loan was subscribed. */
    Account on(LocalDate today) {
        Account d = description;
        LocalDate opened = loan == null ? d.openingDate() : loan.subscribed();
        Account.Loan details = loan == null ? null : loan.detailsOn(today);
        return new Account(d.externalId(), d.number(), d.name(), d.type(), balance.apply(today),
                activity.coming(today), d.currency(), d.iban(), d.bic(), d.usage(), d.ownership(), d.companyName(),
                opened, d.parentExternalId(), details);
    }

    Stream<Transaction> transactions(LocalDate from, LocalDate today) {
        return activity.transactions(from, today);
    }
}
