package dev.passerelle.client.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The details of a loan account. */
public record Loan(BigDecimal totalAmount, BigDecimal rate, Integer duration, LocalDate subscriptionDate,
                   LocalDate maturityDate, BigDecimal nextPaymentAmount, LocalDate nextPaymentDate,
                   Integer nbPaymentsDone, Integer nbPaymentsLeft, Integer nbPaymentsTotal, String type) {
}
