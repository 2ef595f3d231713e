package dev.passerelle.connector;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/** The unit value of an investment on one day: a point of its history ({@link WealthCapability#history}). */
public final class InvestmentValue {

    private final LocalDate date;
    private final BigDecimal unitValue;
    private final String originalCurrency;
    private final BigDecimal originalUnitValue;

    private InvestmentValue(Builder b) {
        this.date = Objects.requireNonNull(b.date, "InvestmentValue.date is required");
        this.unitValue = Objects.requireNonNull(b.unitValue, "InvestmentValue.unitValue is required");
        this.originalCurrency = b.originalCurrency;
        this.originalUnitValue = b.originalUnitValue;
    }

    /** A builder; {@code date}, {@code unitValue} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this investmentValue's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.date = this.date;
        b.unitValue = this.unitValue;
        b.originalCurrency = this.originalCurrency;
        b.originalUnitValue = this.originalUnitValue;
        return b;
    }

    /** The day. */
    public LocalDate date() {
        return date;
    }

    /** The unit value that day, in the account's currency. */
    public BigDecimal unitValue() {
        return unitValue;
    }

    /** The security's own currency when it differs, or {@code null}. */
    public String originalCurrency() {
        return originalCurrency;
    }

    /** The unit value in that currency, or {@code null}. */
    public BigDecimal originalUnitValue() {
        return originalUnitValue;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InvestmentValue other
                && Objects.equals(date, other.date)
                && Objects.equals(unitValue, other.unitValue)
                && Objects.equals(originalCurrency, other.originalCurrency)
                && Objects.equals(originalUnitValue, other.originalUnitValue);
    }

    @Override
    public int hashCode() {
        return Objects.hash(date, unitValue, originalCurrency, originalUnitValue);
    }

    @Override
    public String toString() {
        return "InvestmentValue[date=" + date + ", unitValue=" + unitValue + "]";
    }

    /** Builds a {@link InvestmentValue}. */
    public static final class Builder {

        private LocalDate date;
        private BigDecimal unitValue;
        private String originalCurrency;
        private BigDecimal originalUnitValue;

        private Builder() {
        }

        /** The day. */
        public Builder date(LocalDate date) {
            this.date = date;
            return this;
        }

        /** The unit value that day, in the account's currency. */
        public Builder unitValue(BigDecimal unitValue) {
            this.unitValue = unitValue;
            return this;
        }

        /** The security's own currency when it differs, or {@code null}. */
        public Builder originalCurrency(String originalCurrency) {
            this.originalCurrency = originalCurrency;
            return this;
        }

        /** The unit value in that currency, or {@code null}. */
        public Builder originalUnitValue(BigDecimal originalUnitValue) {
            this.originalUnitValue = originalUnitValue;
            return this;
        }

        public InvestmentValue build() {
            return new InvestmentValue(this);
        }
    }
}
