package dev.passerelle.connector;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A document of a subscription (a bill, a statement), described without its file: the server asks
 * for the file ({@link DocumentCapability#file}) only for documents it does not have yet.
 */
public final class Document {

    private final String externalId;
    private final String name;
    private final DocumentType type;
    private final String rawType;
    private final LocalDate date;
    private final LocalDate dueDate;
    private final BigDecimal totalAmount;
    private final BigDecimal untaxedAmount;
    private final BigDecimal vat;
    private final String currency;
    private final String number;
    private final String issuer;

    private Document(Builder b) {
        this.externalId = Lengths.identifier("Document.externalId", Objects.requireNonNull(b.externalId, "Document.externalId is required"), Lengths.EXTERNAL_ID);
        this.name = Lengths.text(Objects.requireNonNull(b.name, "Document.name is required"), Lengths.TITLE);
        this.type = Objects.requireNonNull(b.type, "Document.type is required");
        this.rawType = b.rawType;
        this.date = Objects.requireNonNull(b.date, "Document.date is required");
        this.dueDate = b.dueDate;
        this.totalAmount = b.totalAmount;
        this.untaxedAmount = b.untaxedAmount;
        this.vat = b.vat;
        this.currency = Lengths.identifier("Document.currency", b.currency, Lengths.CURRENCY);
        this.number = Lengths.text(b.number, Lengths.NUMBER);
        this.issuer = Lengths.text(b.issuer, Lengths.NAME);
    }

    /** A builder; {@code externalId}, {@code name}, {@code type}, {@code date} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this document's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.externalId = this.externalId;
        b.name = this.name;
        b.type = this.type;
        b.rawType = this.rawType;
        b.date = this.date;
        b.dueDate = this.dueDate;
        b.totalAmount = this.totalAmount;
        b.untaxedAmount = this.untaxedAmount;
        b.vat = this.vat;
        b.currency = this.currency;
        b.number = this.number;
        b.issuer = this.issuer;
        return b;
    }

    /** The stable identifier. */
    public String externalId() {
        return externalId;
    }

    /** The display name. */
    public String name() {
        return name;
    }

    /** The kind of document. */
    public DocumentType type() {
        return type;
    }

    /** The institution's own word for the kind, or {@code null}. */
    public String rawType() {
        return rawType;
    }

    /** The issue date. */
    public LocalDate date() {
        return date;
    }

    /** The payment due date, or {@code null}. */
    public LocalDate dueDate() {
        return dueDate;
    }

    /** The amount with taxes, or {@code null}. */
    public BigDecimal totalAmount() {
        return totalAmount;
    }

    /** The amount without taxes, or {@code null}. */
    public BigDecimal untaxedAmount() {
        return untaxedAmount;
    }

    /** The VAT amount, or {@code null}. */
    public BigDecimal vat() {
        return vat;
    }

    /** The ISO 4217 code, or {@code null}. */
    public String currency() {
        return currency;
    }

    /** The document number, or {@code null}. */
    public String number() {
        return number;
    }

    /** Who issued it, or {@code null}. */
    public String issuer() {
        return issuer;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Document other
                && Objects.equals(externalId, other.externalId)
                && Objects.equals(name, other.name)
                && Objects.equals(type, other.type)
                && Objects.equals(rawType, other.rawType)
                && Objects.equals(date, other.date)
                && Objects.equals(dueDate, other.dueDate)
                && Objects.equals(totalAmount, other.totalAmount)
                && Objects.equals(untaxedAmount, other.untaxedAmount)
                && Objects.equals(vat, other.vat)
                && Objects.equals(currency, other.currency)
                && Objects.equals(number, other.number)
                && Objects.equals(issuer, other.issuer);
    }

    @Override
    public int hashCode() {
        return Objects.hash(externalId, name, type, rawType, date, dueDate, totalAmount, untaxedAmount, vat, currency, number, issuer);
    }

    @Override
    public String toString() {
        return "Document[externalId=" + externalId + ", name=" + name + ", type=" + type + ", date=" + date + "]";
    }

    /** Builds a {@link Document}. */
    public static final class Builder {

        private String externalId;
        private String name;
        private DocumentType type;
        private String rawType;
        private LocalDate date;
        private LocalDate dueDate;
        private BigDecimal totalAmount;
        private BigDecimal untaxedAmount;
        private BigDecimal vat;
        private String currency;
        private String number;
        private String issuer;

        private Builder() {
        }

        /** The stable identifier. */
        public Builder externalId(String externalId) {
            this.externalId = externalId;
            return this;
        }

        /** The display name. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** The kind of document. */
        public Builder type(DocumentType type) {
            this.type = type;
            return this;
        }

        /** The issue date. */
        public Builder date(LocalDate date) {
            this.date = date;
            return this;
        }

        /** The payment due date, or {@code null}. */
        public Builder dueDate(LocalDate dueDate) {
            this.dueDate = dueDate;
            return this;
        }

        /** The amount with taxes, or {@code null}. */
        public Builder totalAmount(BigDecimal totalAmount) {
            this.totalAmount = totalAmount;
            return this;
        }

        /** The amount without taxes, or {@code null}. */
        public Builder untaxedAmount(BigDecimal untaxedAmount) {
            this.untaxedAmount = untaxedAmount;
            return this;
        }

        /** The VAT amount, or {@code null}. */
        public Builder vat(BigDecimal vat) {
            this.vat = vat;
            return this;
        }

        /** The ISO 4217 code, or {@code null}. */
        public Builder currency(String currency) {
            this.currency = currency;
            return this;
        }

        /** The document number, or {@code null}. */
        public Builder number(String number) {
            this.number = number;
            return this;
        }

        /** Who issued it, or {@code null}. */
        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        /** The kind of document and the institution's own word for it ({@code OTHER} when no value fits). */
        public Builder type(DocumentType type, String rawType) {
            this.type = type;
            this.rawType = rawType;
            return this;
        }

        public Document build() {
            return new Document(this);
        }
    }
}
