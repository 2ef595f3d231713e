package dev.passerelle.server.accounts;

import dev.passerelle.connector.Account;
import java.math.BigDecimal;
import java.time.LocalDate;

/** The {@code loan} object of a loan account (PROTOCOL-NOTES §7.1 {@code Loan}); durations in months. */
public record LoanView(
        BigDecimal totalAmount,
        BigDecimal rate,
        int duration,
        LocalDate subscriptionDate,
        LocalDate maturityDate,
        BigDecimal nextPaymentAmount,
        LocalDate nextPaymentDate,
        int nbPaymentsDone,
        int nbPaymentsLeft,
        int nbPaymentsTotal,
        String type) {

    static LoanView of(Account.Loan loan) {
        return loan == null ? null : new LoanView(loan.totalAmount(), loan.rate(), loan.durationMonths(),
                loan.subscriptionDate(), loan.maturityDate(), loan.nextPaymentAmount(), loan.nextPaymentDate(),
                loan.paymentsDone(), loan.paymentsLeft(), loan.paymentsDone() + loan.paymentsLeft(), loan.type());
    }
}
