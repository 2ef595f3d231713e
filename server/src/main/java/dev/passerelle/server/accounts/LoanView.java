package dev.passerelle.server.accounts;

import dev.passerelle.connector.LoanType;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;

/** The {@code loan} object of a loan account (docs/protocol.md §7.1 {@code Loan}); durations in months. */
public record LoanView(
        BigDecimal totalAmount,
        BigDecimal rate,
        Integer duration,
        LocalDate subscriptionDate,
        LocalDate maturityDate,
        BigDecimal nextPaymentAmount,
        LocalDate nextPaymentDate,
        Integer nbPaymentsDone,
        Integer nbPaymentsLeft,
        Integer nbPaymentsTotal,
        @Schema(implementation = LoanType.class) String type) {

    static LoanView of(LoanDetails loan) {
        return loan == null ? null : new LoanView(loan.totalAmount(), loan.rate(), loan.durationMonths(),
                loan.subscriptionDate(), loan.maturityDate(), loan.nextPaymentAmount(), loan.nextPaymentDate(),
                loan.paymentsDone(), loan.paymentsLeft(),
                loan.paymentsDone() == null || loan.paymentsLeft() == null ? null
                        : loan.paymentsDone() + loan.paymentsLeft(), loan.type());
    }
}
