package dev.passerelle.connector;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One line of a market or life-insurance account ({@link WealthCapability}): a security, a fund, a
 * unit-linked support. Amounts are in the account's currency; {@code original*} in the security's
 * own when it differs.
 */
public final class Investment {

    private final String externalId;
    private final String label;
    private final String code;
    private final InvestmentCodeType codeType;
    private final String rawCodeType;
    private final String description;
    private final BigDecimal quantity;
    private final BigDecimal unitPrice;
    private final BigDecimal unitValue;
    private final BigDecimal valuation;
    private final BigDecimal diff;
    private final BigDecimal diffPercent;
    private final BigDecimal prevDiff;
    private final BigDecimal portfolioShare;
    private final LocalDate vdate;
    private final LocalDate prevVdate;
    private final String originalCurrency;
    private final BigDecimal originalValuation;
    private final BigDecimal originalUnitValue;
    private final BigDecimal originalUnitPrice;
    private final BigDecimal originalDiff;

    private Investment(Builder b) {
        this.externalId = Lengths.identifier("Investment.externalId", Objects.requireNonNull(b.externalId, "Investment.externalId is required"), Lengths.EXTERNAL_ID);
        this.label = Lengths.text(Objects.requireNonNull(b.label, "Investment.label is required"), Lengths.TITLE);
        this.code = Lengths.identifier("Investment.code", b.code, Lengths.CODE);
        this.codeType = b.codeType;
        this.rawCodeType = b.rawCodeType;
        this.description = Lengths.text(b.description, Lengths.DESCRIPTION);
        this.quantity = b.quantity;
        this.unitPrice = b.unitPrice;
        this.unitValue = b.unitValue;
        this.valuation = Objects.requireNonNull(b.valuation, "Investment.valuation is required");
        this.diff = b.diff;
        this.diffPercent = b.diffPercent;
        this.prevDiff = b.prevDiff;
        this.portfolioShare = b.portfolioShare;
        this.vdate = b.vdate;
        this.prevVdate = b.prevVdate;
        this.originalCurrency = Lengths.identifier("Investment.originalCurrency", b.originalCurrency, Lengths.CURRENCY);
        this.originalValuation = b.originalValuation;
        this.originalUnitValue = b.originalUnitValue;
        this.originalUnitPrice = b.originalUnitPrice;
        this.originalDiff = b.originalDiff;
    }

    /** A builder; {@code externalId}, {@code label}, {@code valuation} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this investment's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.externalId = this.externalId;
        b.label = this.label;
        b.code = this.code;
        b.codeType = this.codeType;
        b.rawCodeType = this.rawCodeType;
        b.description = this.description;
        b.quantity = this.quantity;
        b.unitPrice = this.unitPrice;
        b.unitValue = this.unitValue;
        b.valuation = this.valuation;
        b.diff = this.diff;
        b.diffPercent = this.diffPercent;
        b.prevDiff = this.prevDiff;
        b.portfolioShare = this.portfolioShare;
        b.vdate = this.vdate;
        b.prevVdate = this.prevVdate;
        b.originalCurrency = this.originalCurrency;
        b.originalValuation = this.originalValuation;
        b.originalUnitValue = this.originalUnitValue;
        b.originalUnitPrice = this.originalUnitPrice;
        b.originalDiff = this.originalDiff;
        return b;
    }

    /** The stable identifier within the account; the server upserts on it. */
    public String externalId() {
        return externalId;
    }

    /** The name of the security or fund. */
    public String label() {
        return label;
    }

    /** Its code (an ISIN…), or {@code null}. */
    public String code() {
        return code;
    }

    /** What {@link #code()} is, or {@code null}. */
    public InvestmentCodeType codeType() {
        return codeType;
    }

    /** The institution's own word for the code type, or {@code null}. */
    public String rawCodeType() {
        return rawCodeType;
    }

    /** A longer description, or {@code null}. */
    public String description() {
        return description;
    }

    /** The quantity held, or {@code null}. */
    public BigDecimal quantity() {
        return quantity;
    }

    /** The average buy price, or {@code null}. */
    public BigDecimal unitPrice() {
        return unitPrice;
    }

    /** The current unit value, or {@code null}. */
    public BigDecimal unitValue() {
        return unitValue;
    }

    /** The current valuation. */
    public BigDecimal valuation() {
        return valuation;
    }

    /** The capital gain, or {@code null}. */
    public BigDecimal diff() {
        return diff;
    }

    /** The capital gain as a fraction of the cost (0.05 for 5 %), or {@code null}. */
    public BigDecimal diffPercent() {
        return diffPercent;
    }

    /** The gain since the previous valuation, or {@code null}. */
    public BigDecimal prevDiff() {
        return prevDiff;
    }

    /** The share of the account (0 to 1), or {@code null}. */
    public BigDecimal portfolioShare() {
        return portfolioShare;
    }

    /** The date of the valuation, or {@code null}. */
    public LocalDate vdate() {
        return vdate;
    }

    /** The date of the previous valuation, or {@code null}. */
    public LocalDate prevVdate() {
        return prevVdate;
    }

    /** The security's own currency when it differs, or {@code null}. */
    public String originalCurrency() {
        return originalCurrency;
    }

    /** The valuation in that currency, or {@code null}. */
    public BigDecimal originalValuation() {
        return originalValuation;
    }

    /** The unit value in that currency, or {@code null}. */
    public BigDecimal originalUnitValue() {
        return originalUnitValue;
    }

    /** The average buy price in that currency, or {@code null}. */
    public BigDecimal originalUnitPrice() {
        return originalUnitPrice;
    }

    /** The capital gain in that currency, or {@code null}. */
    public BigDecimal originalDiff() {
        return originalDiff;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Investment other
                && Objects.equals(externalId, other.externalId)
                && Objects.equals(label, other.label)
                && Objects.equals(code, other.code)
                && Objects.equals(codeType, other.codeType)
                && Objects.equals(rawCodeType, other.rawCodeType)
                && Objects.equals(description, other.description)
                && Objects.equals(quantity, other.quantity)
                && Objects.equals(unitPrice, other.unitPrice)
                && Objects.equals(unitValue, other.unitValue)
                && Objects.equals(valuation, other.valuation)
                && Objects.equals(diff, other.diff)
                && Objects.equals(diffPercent, other.diffPercent)
                && Objects.equals(prevDiff, other.prevDiff)
                && Objects.equals(portfolioShare, other.portfolioShare)
                && Objects.equals(vdate, other.vdate)
                && Objects.equals(prevVdate, other.prevVdate)
                && Objects.equals(originalCurrency, other.originalCurrency)
                && Objects.equals(originalValuation, other.originalValuation)
                && Objects.equals(originalUnitValue, other.originalUnitValue)
                && Objects.equals(originalUnitPrice, other.originalUnitPrice)
                && Objects.equals(originalDiff, other.originalDiff);
    }

    @Override
    public int hashCode() {
        return Objects.hash(externalId, label, code, codeType, rawCodeType, description, quantity, unitPrice, unitValue, valuation, diff, diffPercent, prevDiff, portfolioShare, vdate, prevVdate, originalCurrency, originalValuation, originalUnitValue, originalUnitPrice, originalDiff);
    }

    @Override
    public String toString() {
        return "Investment[externalId=" + externalId + ", label=" + label + ", valuation=" + valuation + "]";
    }

    /** Builds a {@link Investment}. */
    public static final class Builder {

        private String externalId;
        private String label;
        private String code;
        private InvestmentCodeType codeType;
        private String rawCodeType;
        private String description;
        private BigDecimal quantity;
        private BigDecimal unitPrice;
        private BigDecimal unitValue;
        private BigDecimal valuation;
        private BigDecimal diff;
        private BigDecimal diffPercent;
        private BigDecimal prevDiff;
        private BigDecimal portfolioShare;
        private LocalDate vdate;
        private LocalDate prevVdate;
        private String originalCurrency;
        private BigDecimal originalValuation;
        private BigDecimal originalUnitValue;
        private BigDecimal originalUnitPrice;
        private BigDecimal originalDiff;

        private Builder() {
        }

        /** The stable identifier within the account; the server upserts on it. */
        public Builder externalId(String externalId) {
            this.externalId = externalId;
            return this;
        }

        /** The name of the security or fund. */
        public Builder label(String label) {
            this.label = label;
            return this;
        }

        /** Its code (an ISIN…), or {@code null}. */
        public Builder code(String code) {
            this.code = code;
            return this;
        }

        /** What {@link #code()} is, or {@code null}. */
        public Builder codeType(InvestmentCodeType codeType) {
            this.codeType = codeType;
            return this;
        }

        /** A longer description, or {@code null}. */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /** The quantity held, or {@code null}. */
        public Builder quantity(BigDecimal quantity) {
            this.quantity = quantity;
            return this;
        }

        /** The average buy price, or {@code null}. */
        public Builder unitPrice(BigDecimal unitPrice) {
            this.unitPrice = unitPrice;
            return this;
        }

        /** The current unit value, or {@code null}. */
        public Builder unitValue(BigDecimal unitValue) {
            this.unitValue = unitValue;
            return this;
        }

        /** The current valuation. */
        public Builder valuation(BigDecimal valuation) {
            this.valuation = valuation;
            return this;
        }

        /** The capital gain, or {@code null}. */
        public Builder diff(BigDecimal diff) {
            this.diff = diff;
            return this;
        }

        /** The capital gain as a fraction of the cost (0.05 for 5 %), or {@code null}. */
        public Builder diffPercent(BigDecimal diffPercent) {
            this.diffPercent = diffPercent;
            return this;
        }

        /** The gain since the previous valuation, or {@code null}. */
        public Builder prevDiff(BigDecimal prevDiff) {
            this.prevDiff = prevDiff;
            return this;
        }

        /** The share of the account (0 to 1), or {@code null}. */
        public Builder portfolioShare(BigDecimal portfolioShare) {
            this.portfolioShare = portfolioShare;
            return this;
        }

        /** The date of the valuation, or {@code null}. */
        public Builder vdate(LocalDate vdate) {
            this.vdate = vdate;
            return this;
        }

        /** The date of the previous valuation, or {@code null}. */
        public Builder prevVdate(LocalDate prevVdate) {
            this.prevVdate = prevVdate;
            return this;
        }

        /** The security's own currency when it differs, or {@code null}. */
        public Builder originalCurrency(String originalCurrency) {
            this.originalCurrency = originalCurrency;
            return this;
        }

        /** The valuation in that currency, or {@code null}. */
        public Builder originalValuation(BigDecimal originalValuation) {
            this.originalValuation = originalValuation;
            return this;
        }

        /** The unit value in that currency, or {@code null}. */
        public Builder originalUnitValue(BigDecimal originalUnitValue) {
            this.originalUnitValue = originalUnitValue;
            return this;
        }

        /** The average buy price in that currency, or {@code null}. */
        public Builder originalUnitPrice(BigDecimal originalUnitPrice) {
            this.originalUnitPrice = originalUnitPrice;
            return this;
        }

        /** The capital gain in that currency, or {@code null}. */
        public Builder originalDiff(BigDecimal originalDiff) {
            this.originalDiff = originalDiff;
            return this;
        }

        /** What the code is, and the institution's own word for it ({@code OTHER} when no value fits). */
        public Builder codeType(InvestmentCodeType codeType, String rawCodeType) {
            this.codeType = codeType;
            this.rawCodeType = rawCodeType;
            return this;
        }

        public Investment build() {
            return new Investment(this);
        }
    }
}
