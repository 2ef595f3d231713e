package dev.passerelle.connector;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/** The details of a loan account ({@link Account#loan()}); amounts in the account's currency. */
public final class Loan {

    private final BigDecimal totalAmount;
    private final BigDecimal rate;
    private final Integer durationMonths;
    private final LocalDate subscriptionDate;
    private final LocalDate maturityDate;
    private final BigDecimal nextPaymentAmount;
    private final LocalDate nextPaymentDate;
    private final Integer paymentsDone;
    private final Integer paymentsLeft;
    private final LoanType type;
    private final String rawType;

    private Loan(Builder b) {
        this.totalAmount = b.totalAmount;
        this.rate = b.rate;
        this.durationMonths = b.durationMonths;
        this.subscriptionDate = b.subscriptionDate;
        this.maturityDate = b.maturityDate;
        this.nextPaymentAmount = b.nextPaymentAmount;
        this.nextPaymentDate = b.nextPaymentDate;
        this.paymentsDone = b.paymentsDone;
        this.paymentsLeft = b.paymentsLeft;
        this.type = b.type;
        this.rawType = b.rawType;
    }

    /** A builder;  are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this loan's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.totalAmount = this.totalAmount;
        b.rate = this.rate;
        b.durationMonths = this.durationMonths;
        b.subscriptionDate = this.subscriptionDate;
        b.maturityDate = this.maturityDate;
        b.nextPaymentAmount = this.nextPaymentAmount;
        b.nextPaymentDate = this.nextPaymentDate;
        b.paymentsDone = this.paymentsDone;
        b.paymentsLeft = this.paymentsLeft;
        b.type = this.type;
        b.rawType = this.rawType;
        return b;
    }

    /** The amount borrowed, or {@code null}. */
    public BigDecimal totalAmount() {
        return totalAmount;
    }

    /** The yearly nominal rate in percent, or {@code null}. */
    public BigDecimal rate() {
        return rate;
    }

    /** The duration in months, or {@code null}. */
    public Integer durationMonths() {
        return durationMonths;
    }

    /** When it was subscribed, or {@code null}. */
    public LocalDate subscriptionDate() {
        return subscriptionDate;
    }

    /** When it ends, or {@code null}. */
    public LocalDate maturityDate() {
        return maturityDate;
    }

    /** The next instalment, or {@code null}. */
    public BigDecimal nextPaymentAmount() {
        return nextPaymentAmount;
    }

    /** When it is due, or {@code null}. */
    public LocalDate nextPaymentDate() {
        return nextPaymentDate;
    }

    /** Instalments paid, or {@code null}. */
    public Integer paymentsDone() {
        return paymentsDone;
    }

    /** Instalments left, or {@code null}. */
    public Integer paymentsLeft() {
        return paymentsLeft;
    }

    /** The kind of loan, or {@code null}. */
    public LoanType type() {
        return type;
    }

    /** The institution's own word for the kind, or {@code null}. */
    public String rawType() {
        return rawType;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Loan other
                && Objects.equals(totalAmount, other.totalAmount)
                && Objects.equals(rate, other.rate)
                && Objects.equals(durationMonths, other.durationMonths)
                && Objects.equals(subscriptionDate, other.subscriptionDate)
                && Objects.equals(maturityDate, other.maturityDate)
                && Objects.equals(nextPaymentAmount, other.nextPaymentAmount)
                && Objects.equals(nextPaymentDate, other.nextPaymentDate)
                && Objects.equals(paymentsDone, other.paymentsDone)
                && Objects.equals(paymentsLeft, other.paymentsLeft)
                && Objects.equals(type, other.type)
                && Objects.equals(rawType, other.rawType);
    }

    @Override
    public int hashCode() {
        return Objects.hash(totalAmount, rate, durationMonths, subscriptionDate, maturityDate, nextPaymentAmount, nextPaymentDate, paymentsDone, paymentsLeft, type, rawType);
    }

    @Override
    public String toString() {
        return "Loan[totalAmount=" + totalAmount + ", rate=" + rate + ", durationMonths=" + durationMonths + ", subscriptionDate=" + subscriptionDate + "]";
    }

    /** Builds a {@link Loan}. */
    public static final class Builder {

        private BigDecimal totalAmount;
        private BigDecimal rate;
        private Integer durationMonths;
        private LocalDate subscriptionDate;
        private LocalDate maturityDate;
        private BigDecimal nextPaymentAmount;
        private LocalDate nextPaymentDate;
        private Integer paymentsDone;
        private Integer paymentsLeft;
        private LoanType type;
        private String rawType;

        private Builder() {
        }

        /** The amount borrowed, or {@code null}. */
        public Builder totalAmount(BigDecimal totalAmount) {
            this.totalAmount = totalAmount;
            return this;
        }

        /** The yearly nominal rate in percent, or {@code null}. */
        public Builder rate(BigDecimal rate) {
            this.rate = rate;
            return this;
        }

        /** The duration in months, or {@code null}. */
        public Builder durationMonths(Integer durationMonths) {
            this.durationMonths = durationMonths;
            return this;
        }

        /** When it was subscribed, or {@code null}. */
        public Builder subscriptionDate(LocalDate subscriptionDate) {
            this.subscriptionDate = subscriptionDate;
            return this;
        }

        /** When it ends, or {@code null}. */
        public Builder maturityDate(LocalDate maturityDate) {
            this.maturityDate = maturityDate;
            return this;
        }

        /** The next instalment, or {@code null}. */
        public Builder nextPaymentAmount(BigDecimal nextPaymentAmount) {
            this.nextPaymentAmount = nextPaymentAmount;
            return this;
        }

        /** When it is due, or {@code null}. */
        public Builder nextPaymentDate(LocalDate nextPaymentDate) {
            this.nextPaymentDate = nextPaymentDate;
            return this;
        }

        /** Instalments paid, or {@code null}. */
        public Builder paymentsDone(Integer paymentsDone) {
            this.paymentsDone = paymentsDone;
            return this;
        }

        /** Instalments left, or {@code null}. */
        public Builder paymentsLeft(Integer paymentsLeft) {
            this.paymentsLeft = paymentsLeft;
            return this;
        }

        /** The kind of loan, or {@code null}. */
        public Builder type(LoanType type) {
            this.type = type;
            return this;
        }

        /** The kind of loan and the institution's own word for it ({@code OTHER} when no value fits). */
        public Builder type(LoanType type, String rawType) {
            this.type = type;
            this.rawType = rawType;
            return this;
        }

        public Loan build() {
            return new Loan(this);
        }
    }
}
