package dev.passerelle.connector;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One operation on an account. {@link #externalId()} must be stable: the server upserts on it, so a
 * changed wording or a coming operation becoming booked updates the same row.
 */
public final class Transaction {

    private final String externalId;
    private final LocalDate date;
    private final LocalDate applicationDate;
    private final LocalDate rdate;
    private final LocalDate vdate;
    private final BigDecimal value;
    private final TransactionType type;
    private final String rawType;
    private final String originalWording;
    private final String simplifiedWording;
    private final boolean coming;
    private final BigDecimal originalValue;
    private final String originalCurrency;
    private final String card;
    private final Counterparty counterparty;

    private Transaction(Builder b) {
        this.externalId = Lengths.identifier("Transaction.externalId", Objects.requireNonNull(b.externalId, "Transaction.externalId is required"), Lengths.EXTERNAL_ID);
        this.date = Objects.requireNonNull(b.date, "Transaction.date is required");
        this.applicationDate = b.applicationDate;
        this.rdate = b.rdate;
        this.vdate = b.vdate;
        this.value = Objects.requireNonNull(b.value, "Transaction.value is required");
        this.type = Objects.requireNonNull(b.type, "Transaction.type is required");
        this.rawType = b.rawType;
        this.originalWording = Lengths.text(Objects.requireNonNull(b.originalWording, "Transaction.originalWording is required"),
                Lengths.WORDING);
        this.simplifiedWording = Lengths.text(b.simplifiedWording, Lengths.WORDING);
        this.coming = b.coming;
        this.originalValue = b.originalValue;
        this.originalCurrency = Lengths.identifier("Transaction.originalCurrency", b.originalCurrency, Lengths.CURRENCY);
        this.card = Lengths.text(b.card, Lengths.CODE);
        this.counterparty = b.counterparty;
    }

    /** A builder; {@code externalId}, {@code date}, {@code value}, {@code type}, {@code originalWording} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this transaction's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.externalId = this.externalId;
        b.date = this.date;
        b.applicationDate = this.applicationDate;
        b.rdate = this.rdate;
        b.vdate = this.vdate;
        b.value = this.value;
        b.type = this.type;
        b.rawType = this.rawType;
        b.originalWording = this.originalWording;
        b.simplifiedWording = this.simplifiedWording;
        b.coming = this.coming;
        b.originalValue = this.originalValue;
        b.originalCurrency = this.originalCurrency;
        b.card = this.card;
        b.counterparty = this.counterparty;
        return b;
    }

    /** The stable identifier. */
    public String externalId() {
        return externalId;
    }

    /** The posting date (for a coming operation: the expected one). */
    public LocalDate date() {
        return date;
    }

    /** The date the operation applies to, or {@code null} (then {@link #date()}). */
    public LocalDate applicationDate() {
        return applicationDate;
    }

    /** The date the customer made it, or {@code null}. */
    public LocalDate rdate() {
        return rdate;
    }

    /** The value date, or {@code null}. */
    public LocalDate vdate() {
        return vdate;
    }

    /** The signed amount in the account's currency. */
    public BigDecimal value() {
        return value;
    }

    /** The kind of operation. */
    public TransactionType type() {
        return type;
    }

    /** The institution's own code for the kind, or {@code null}. */
    public String rawType() {
        return rawType;
    }

    /** The wording as the institution shows it. */
    public String originalWording() {
        return originalWording;
    }

    /** The wording without dates and references, or {@code null}. */
    public String simplifiedWording() {
        return simplifiedWording;
    }

    /** Whether it is not booked yet. */
    public boolean coming() {
        return coming;
    }

    /** The amount in a foreign currency, or {@code null}. */
    public BigDecimal originalValue() {
        return originalValue;
    }

    /** That currency, or {@code null}. */
    public String originalCurrency() {
        return originalCurrency;
    }

    /** The masked card number of a card operation, or {@code null}. */
    public String card() {
        return card;
    }

    /** The other party, or {@code null}. */
    public Counterparty counterparty() {
        return counterparty;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Transaction other
                && Objects.equals(externalId, other.externalId)
                && Objects.equals(date, other.date)
                && Objects.equals(applicationDate, other.applicationDate)
                && Objects.equals(rdate, other.rdate)
                && Objects.equals(vdate, other.vdate)
                && Objects.equals(value, other.value)
                && Objects.equals(type, other.type)
                && Objects.equals(rawType, other.rawType)
                && Objects.equals(originalWording, other.originalWording)
                && Objects.equals(simplifiedWording, other.simplifiedWording)
                && Objects.equals(coming, other.coming)
                && Objects.equals(originalValue, other.originalValue)
                && Objects.equals(originalCurrency, other.originalCurrency)
                && Objects.equals(card, other.card)
                && Objects.equals(counterparty, other.counterparty);
    }

    @Override
    public int hashCode() {
        return Objects.hash(externalId, date, applicationDate, rdate, vdate, value, type, rawType, originalWording, simplifiedWording, coming, originalValue, originalCurrency, card, counterparty);
    }

    @Override
    public String toString() {
        return "Transaction[externalId=" + externalId + ", date=" + date + ", value=" + value + ", type=" + type + "]";
    }

    /** Builds a {@link Transaction}. */
    public static final class Builder {

        private String externalId;
        private LocalDate date;
        private LocalDate applicationDate;
        private LocalDate rdate;
        private LocalDate vdate;
        private BigDecimal value;
        private TransactionType type;
        private String rawType;
        private String originalWording;
        private String simplifiedWording;
        private boolean coming;
        private BigDecimal originalValue;
        private String originalCurrency;
        private String card;
        private Counterparty counterparty;

        private Builder() {
        }

        /** The stable identifier. */
        public Builder externalId(String externalId) {
            this.externalId = externalId;
            return this;
        }

        /** The posting date (for a coming operation: the expected one). */
        public Builder date(LocalDate date) {
            this.date = date;
            return this;
        }

        /** The date the operation applies to, or {@code null} (then {@link #date()}). */
        public Builder applicationDate(LocalDate applicationDate) {
            this.applicationDate = applicationDate;
            return this;
        }

        /** The date the customer made it, or {@code null}. */
        public Builder rdate(LocalDate rdate) {
            this.rdate = rdate;
            return this;
        }

        /** The value date, or {@code null}. */
        public Builder vdate(LocalDate vdate) {
            this.vdate = vdate;
            return this;
        }

        /** The signed amount in the account's currency. */
        public Builder value(BigDecimal value) {
            this.value = value;
            return this;
        }

        /** The kind of operation. */
        public Builder type(TransactionType type) {
            this.type = type;
            return this;
        }

        /** The wording as the institution shows it. */
        public Builder originalWording(String originalWording) {
            this.originalWording = originalWording;
            return this;
        }

        /** The wording without dates and references, or {@code null}. */
        public Builder simplifiedWording(String simplifiedWording) {
            this.simplifiedWording = simplifiedWording;
            return this;
        }

        /** Whether it is not booked yet. */
        public Builder coming(boolean coming) {
            this.coming = coming;
            return this;
        }

        /** The amount in a foreign currency, or {@code null}. */
        public Builder originalValue(BigDecimal originalValue) {
            this.originalValue = originalValue;
            return this;
        }

        /** That currency, or {@code null}. */
        public Builder originalCurrency(String originalCurrency) {
            this.originalCurrency = originalCurrency;
            return this;
        }

        /** The masked card number of a card operation, or {@code null}. */
        public Builder card(String card) {
            this.card = card;
            return this;
        }

        /** The other party, or {@code null}. */
        public Builder counterparty(Counterparty counterparty) {
            this.counterparty = counterparty;
            return this;
        }

        /** The kind of operation and the institution's own word for it ({@code OTHER} when no value fits). */
        public Builder type(TransactionType type, String rawType) {
            this.type = type;
            this.rawType = rawType;
            return this;
        }

        public Transaction build() {
            return new Transaction(this);
        }
    }
}
