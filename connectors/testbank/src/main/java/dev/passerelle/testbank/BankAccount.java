package dev.passerelle.testbank;

import dev.passerelle.connector.Account;
import dev.passerelle.connector.Investment;
import dev.passerelle.connector.InvestmentValue;
import dev.passerelle.connector.Loan;
import dev.passerelle.connector.Transaction;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/**
 * One account of the test bank: its fixed description, what is booked on it, and how its balance
 * reads on a given day.
 *
 * @param description the account with its fixed fields; balance, coming and loan details are set per day
 * @param balance     the balance on a day
 * @param loan        the loan behind a loan account, or {@code null}
 * @param portfolio   what a market or life-insurance account holds, or {@code null}
 */
record BankAccount(Account description, Activity activity, Function<LocalDate, BigDecimal> balance, LoanPlan loan,
                   Portfolio portfolio) {

    /** An account whose balance does not move with the days (a simplification the brief allows). */
    static BankAccount steady(Account description, Activity activity, BigDecimal balance) {
        return new BankAccount(description, activity, today -> balance, null, null);
    }

    /** A deferred card: it owes what it spent since the 1st, until the monthly debit on the checking account. */
    static BankAccount deferredCard(Account description, Activity activity) {
        return new BankAccount(description, activity,
                today -> activity.bookedTotal(today.withDayOfMonth(1), today), null, null);
    }

    /** A loan account: it owes what is left to repay. */
    static BankAccount loan(Account description, Activity activity, LoanPlan plan) {
        return new BankAccount(description, activity, today -> plan.remaining(today).negate(), plan, null);
    }

    /** A market or life-insurance account: worth what its lines are worth. */
    static BankAccount invested(Account description, Activity activity, Portfolio portfolio) {
        return new BankAccount(description, activity, portfolio::valuation, null, portfolio);
    }

    String externalId() {
        return description.externalId();
    }

    /** The account as the bank shows it on {@code today}; a loan account opened when the loan was subscribed. */
    Account on(LocalDate today) {
        Loan details = loan == null ? null : loan.detailsOn(today);
        return description.toBuilder()
                .balance(balance.apply(today))
                .coming(activity.coming(today))
                .openingDate(loan == null ? description.openingDate() : loan.subscribed())
                .loan(details)
                .build();
    }

    List<Transaction> transactions(LocalDate from, LocalDate today) {
        return activity.transactions(from, today);
    }

    /** The account's investments on {@code today}; none for an account that holds no securities. */
    List<Investment> investments(LocalDate today) {
        return portfolio == null ? List.of() : portfolio.investments(today);
    }

    List<InvestmentValue> history(String investmentId, LocalDate today) {
        return portfolio == null ? List.of() : portfolio.history(investmentId, today);
    }
}
