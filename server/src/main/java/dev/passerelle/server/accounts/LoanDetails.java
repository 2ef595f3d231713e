package dev.passerelle.server.accounts;

import dev.passerelle.connector.Loan;
import dev.passerelle.runtime.WireNames;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The loan of a loan account as {@code bank_account.loan} keeps it (JSON); {@code type} is the
 * protocol's word ({@code mortgage}, {@code consumercredit}, {@code revolvingcredit}, {@code loan}).
 */
public record LoanDetails(
        BigDecimal totalAmount,
        BigDecimal rate,
        Integer durationMonths,
        LocalDate subscriptionDate,
        LocalDate maturityDate,
        BigDecimal nextPaymentAmount,
        LocalDate nextPaymentDate,
        Integer paymentsDone,
        Integer paymentsLeft,
        String type) {

    static LoanDetails of(Loan loan) {
        return loan == null ? null : new LoanDetails(loan.totalAmount(), loan.rate(), loan.durationMonths(),
                loan.subscriptionDate(), loan.maturityDate(), loan.nextPaymentAmount(), loan.nextPaymentDate(),
                loan.paymentsDone(), loan.paymentsLeft(), WireNames.of(loan.type()));
    }

    Loan toConnector() {
        return Loan.builder().totalAmount(totalAmount).rate(rate).durationMonths(durationMonths)
                .subscriptionDate(subscriptionDate).maturityDate(maturityDate).nextPaymentAmount(nextPaymentAmount)
                .nextPaymentDate(nextPaymentDate).paymentsDone(paymentsDone).paymentsLeft(paymentsLeft)
                .type(WireNames.loanType(type)).build();
    }
}
