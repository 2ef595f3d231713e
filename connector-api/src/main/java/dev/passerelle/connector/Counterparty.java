package dev.passerelle.connector;

import java.util.Objects;

/** The other party of an operation ({@link Transaction#counterparty()}). */
public final class Counterparty {

    private final String label;
    private final Scheme scheme;
    private final String identification;
    private final Role role;

    private Counterparty(Builder b) {
        this.label = Lengths.text(b.label, Lengths.NAME);
        this.scheme = b.scheme;
        this.identification = Lengths.identifier("Counterparty.identification", b.identification, Lengths.NUMBER);
        this.role = b.role;
    }

    /** A builder;  are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this counterparty's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.label = this.label;
        b.scheme = this.scheme;
        b.identification = this.identification;
        b.role = this.role;
        return b;
    }

    /** Its name, or {@code null}. */
    public String label() {
        return label;
    }

    /** How {@link #identification()} identifies its account, or {@code null}. */
    public Scheme scheme() {
        return scheme;
    }

    /** Its account identifier (an IBAN…), or {@code null}. */
    public String identification() {
        return identification;
    }

    /** Whether it is paid or pays, or {@code null}. */
    public Role role() {
        return role;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Counterparty other
                && Objects.equals(label, other.label)
                && Objects.equals(scheme, other.scheme)
                && Objects.equals(identification, other.identification)
                && Objects.equals(role, other.role);
    }

    @Override
    public int hashCode() {
        return Objects.hash(label, scheme, identification, role);
    }

    @Override
    public String toString() {
        return "Counterparty[label=" + label + ", scheme=" + scheme + ", identification=" + identification + ", role=" + role + "]";
    }

    /** Builds a {@link Counterparty}. */
    public static final class Builder {

        private String label;
        private Scheme scheme;
        private String identification;
        private Role role;

        private Builder() {
        }

        /** Its name, or {@code null}. */
        public Builder label(String label) {
            this.label = label;
            return this;
        }

        /** How {@link #identification()} identifies its account, or {@code null}. */
        public Builder scheme(Scheme scheme) {
            this.scheme = scheme;
            return this;
        }

        /** Its account identifier (an IBAN…), or {@code null}. */
        public Builder identification(String identification) {
            this.identification = identification;
            return this;
        }

        /** Whether it is paid or pays, or {@code null}. */
        public Builder role(Role role) {
            this.role = role;
            return this;
        }

        public Counterparty build() {
            return new Counterparty(this);
        }
    }

    /** Account identification schemes. */
    public enum Scheme {
        IBAN, BBAN, SORT_CODE_ACCOUNT_NUMBER, CPAN, TPAN
    }

    /** Which side the counterparty is on. */
    public enum Role {
        /** It is paid: the operation is a debit for the user. */
        CREDITOR,
        /** It pays: the operation is a credit for the user. */
        DEBTOR
    }
}
