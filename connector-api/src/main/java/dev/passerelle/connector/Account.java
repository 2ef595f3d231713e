package dev.passerelle.connector;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A bank account as the institution shows it. Built with {@link #builder()}, so that a field added
 * to a later version of the SPI never breaks a connector.
 */
public final class Account {

    private final String externalId;
    private final String number;
    private final String name;
    private final AccountType type;
    private final String rawType;
    private final BigDecimal balance;
    private final BigDecimal coming;
    private final String currency;
    private final String iban;
    private final String bic;
    private final AccountUsage usage;
    private final Ownership ownership;
    private final String companyName;
    private final LocalDate openingDate;
    private final String parentExternalId;
    private final Loan loan;
    private final List<AccountBalance> balances;

    private Account(Builder b) {
        this.externalId = Lengths.identifier("Account.externalId", Objects.requireNonNull(b.externalId, "Account.externalId is required"), Lengths.EXTERNAL_ID);
        this.number = Lengths.text(b.number, Lengths.NUMBER);
        this.name = Lengths.text(Objects.requireNonNull(b.name, "Account.name is required"), Lengths.NAME);
        this.type = Objects.requireNonNull(b.type, "Account.type is required");
        this.rawType = b.rawType;
        this.balance = Objects.requireNonNull(b.balance, "Account.balance is required");
        this.coming = b.coming;
        this.currency = Lengths.identifier("Account.currency", Objects.requireNonNull(b.currency, "Account.currency is required"), Lengths.CURRENCY);
        this.iban = Lengths.identifier("Account.iban", b.iban, Lengths.IBAN);
        this.bic = Lengths.identifier("Account.bic", b.bic, Lengths.BIC);
        this.usage = b.usage;
        this.ownership = b.ownership;
        this.companyName = Lengths.text(b.companyName, Lengths.NAME);
        this.openingDate = b.openingDate;
        this.parentExternalId = Lengths.identifier("Account.parentExternalId", b.parentExternalId, Lengths.EXTERNAL_ID);
        this.loan = b.loan;
        this.balances = List.copyOf(b.balances);
    }

    /** A builder; {@code externalId}, {@code name}, {@code type}, {@code balance}, {@code currency} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this account's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.externalId = this.externalId;
        b.number = this.number;
        b.name = this.name;
        b.type = this.type;
        b.rawType = this.rawType;
        b.balance = this.balance;
        b.coming = this.coming;
        b.currency = this.currency;
        b.iban = this.iban;
        b.bic = this.bic;
        b.usage = this.usage;
        b.ownership = this.ownership;
        b.companyName = this.companyName;
        b.openingDate = this.openingDate;
        b.parentExternalId = this.parentExternalId;
        b.loan = this.loan;
        b.balances = this.balances;
        return b;
    }

    /** The institution's stable identifier; the server upserts on it. */
    public String externalId() {
        return externalId;
    }

    /** The account number as displayed, or {@code null}. */
    public String number() {
        return number;
    }

    /** The display name. */
    public String name() {
        return name;
    }

    /** The kind of account. */
    public AccountType type() {
        return type;
    }

    /** The institution's own word for the kind, or {@code null}. */
    public String rawType() {
        return rawType;
    }

    /** The current balance, in {@link #currency()}. */
    public BigDecimal balance() {
        return balance;
    }

    /** The sum of the operations not booked yet, or {@code null}. */
    public BigDecimal coming() {
        return coming;
    }

    /** The ISO 4217 code. */
    public String currency() {
        return currency;
    }

    /** The IBAN, or {@code null}. */
    public String iban() {
        return iban;
    }

    /** The BIC, or {@code null}. */
    public String bic() {
        return bic;
    }

    /** Whom the account serves, or {@code null}. */
    public AccountUsage usage() {
        return usage;
    }

    /** How the user holds it, or {@code null}. */
    public Ownership ownership() {
        return ownership;
    }

    /** The company holding a professional account, or {@code null}. */
    public String companyName() {
        return companyName;
    }

    /** The opening date, or {@code null}. */
    public LocalDate openingDate() {
        return openingDate;
    }

    /** The external id of the account this one hangs off (a card's checking account), or {@code null}. */
    public String parentExternalId() {
        return parentExternalId;
    }

    /** The loan behind a loan account, or {@code null}. */
    public Loan loan() {
        return loan;
    }

    /**
     * Every balance the institution reports, the one shown as {@link #balance()} included; empty when
     * it reports only that one.
     */
    public List<AccountBalance> balances() {
        return balances;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Account other
                && Objects.equals(externalId, other.externalId)
                && Objects.equals(number, other.number)
                && Objects.equals(name, other.name)
                && Objects.equals(type, other.type)
                && Objects.equals(rawType, other.rawType)
                && Objects.equals(balance, other.balance)
                && Objects.equals(coming, other.coming)
                && Objects.equals(currency, other.currency)
                && Objects.equals(iban, other.iban)
                && Objects.equals(bic, other.bic)
                && Objects.equals(usage, other.usage)
                && Objects.equals(ownership, other.ownership)
                && Objects.equals(companyName, other.companyName)
                && Objects.equals(openingDate, other.openingDate)
                && Objects.equals(parentExternalId, other.parentExternalId)
                && Objects.equals(loan, other.loan)
                && Objects.equals(balances, other.balances);
    }

    @Override
    public int hashCode() {
        return Objects.hash(externalId, number, name, type, rawType, balance, coming, currency, iban, bic, usage, ownership, companyName, openingDate, parentExternalId, loan,
                balances);
    }

    @Override
    public String toString() {
        return "Account[externalId=" + externalId + ", name=" + name + ", type=" + type + ", balance=" + balance + "]";
    }

    /** Builds a {@link Account}. */
    public static final class Builder {

        private String externalId;
        private String number;
        private String name;
        private AccountType type;
        private String rawType;
        private BigDecimal balance;
        private BigDecimal coming;
        private String currency;
        private String iban;
        private String bic;
        private AccountUsage usage;
        private Ownership ownership;
        private String companyName;
        private LocalDate openingDate;
        private String parentExternalId;
        private Loan loan;
        private List<AccountBalance> balances = List.of();

        private Builder() {
        }

        /** The institution's stable identifier; the server upserts on it. */
        public Builder externalId(String externalId) {
            this.externalId = externalId;
            return this;
        }

        /** The account number as displayed, or {@code null}. */
        public Builder number(String number) {
            this.number = number;
            return this;
        }

        /** The display name. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** The kind of account. */
        public Builder type(AccountType type) {
            this.type = type;
            return this;
        }

        /** The current balance, in {@link #currency()}. */
        public Builder balance(BigDecimal balance) {
            this.balance = balance;
            return this;
        }

        /** The sum of the operations not booked yet, or {@code null}. */
        public Builder coming(BigDecimal coming) {
            this.coming = coming;
            return this;
        }

        /** The ISO 4217 code. */
        public Builder currency(String currency) {
            this.currency = currency;
            return this;
        }

        /** The IBAN, or {@code null}. */
        public Builder iban(String iban) {
            this.iban = iban;
            return this;
        }

        /** The BIC, or {@code null}. */
        public Builder bic(String bic) {
            this.bic = bic;
            return this;
        }

        /** Whom the account serves, or {@code null}. */
        public Builder usage(AccountUsage usage) {
            this.usage = usage;
            return this;
        }

        /** How the user holds it, or {@code null}. */
        public Builder ownership(Ownership ownership) {
            this.ownership = ownership;
            return this;
        }

        /** The company holding a professional account, or {@code null}. */
        public Builder companyName(String companyName) {
            this.companyName = companyName;
            return this;
        }

        /** The opening date, or {@code null}. */
        public Builder openingDate(LocalDate openingDate) {
            this.openingDate = openingDate;
            return this;
        }

        /** The external id of the account this one hangs off (a card's checking account), or {@code null}. */
        public Builder parentExternalId(String parentExternalId) {
            this.parentExternalId = parentExternalId;
            return this;
        }

        /** The loan behind a loan account, or {@code null}. */
        public Builder loan(Loan loan) {
            this.loan = loan;
            return this;
        }

        /** Every balance the institution reports (see {@link Account#balances()}). */
        public Builder balances(List<AccountBalance> balances) {
            this.balances = List.copyOf(balances);
            return this;
        }

        /** The kind of account and the institution's own word for it ({@code OTHER} when no value fits). */
        public Builder type(AccountType type, String rawType) {
            this.type = type;
            this.rawType = rawType;
            return this;
        }

        public Account build() {
            return new Account(this);
        }
    }
}
