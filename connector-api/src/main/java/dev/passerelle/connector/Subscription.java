package dev.passerelle.connector;

import java.time.LocalDate;
import java.util.Objects;

/** A contract with a bill provider, or a bank's statement channel ({@link DocumentCapability}). */
public final class Subscription {

    private final String externalId;
    private final String number;
    private final String label;
    private final String subscriber;
    private final LocalDate validity;
    private final LocalDate renewDate;

    private Subscription(Builder b) {
        this.externalId = Lengths.identifier("Subscription.externalId", Objects.requireNonNull(b.externalId, "Subscription.externalId is required"), Lengths.EXTERNAL_ID);
        this.number = Lengths.text(b.number, Lengths.NUMBER);
        this.label = Lengths.text(Objects.requireNonNull(b.label, "Subscription.label is required"), Lengths.NAME);
        this.subscriber = Lengths.text(b.subscriber, Lengths.NAME);
        this.validity = b.validity;
        this.renewDate = b.renewDate;
    }

    /** A builder; {@code externalId}, {@code label} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this subscription's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.externalId = this.externalId;
        b.number = this.number;
        b.label = this.label;
        b.subscriber = this.subscriber;
        b.validity = this.validity;
        b.renewDate = this.renewDate;
        return b;
    }

    /** The stable identifier. */
    public String externalId() {
        return externalId;
    }

    /** The contract number, or {@code null}. */
    public String number() {
        return number;
    }

    /** The display label. */
    public String label() {
        return label;
    }

    /** The holder's name, or {@code null}. */
    public String subscriber() {
        return subscriber;
    }

    /** The end of validity, or {@code null}. */
    public LocalDate validity() {
        return validity;
    }

    /** The renewal date, or {@code null}. */
    public LocalDate renewDate() {
        return renewDate;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Subscription other
                && Objects.equals(externalId, other.externalId)
                && Objects.equals(number, other.number)
                && Objects.equals(label, other.label)
                && Objects.equals(subscriber, other.subscriber)
                && Objects.equals(validity, other.validity)
                && Objects.equals(renewDate, other.renewDate);
    }

    @Override
    public int hashCode() {
        return Objects.hash(externalId, number, label, subscriber, validity, renewDate);
    }

    @Override
    public String toString() {
        return "Subscription[externalId=" + externalId + ", label=" + label + "]";
    }

    /** Builds a {@link Subscription}. */
    public static final class Builder {

        private String externalId;
        private String number;
        private String label;
        private String subscriber;
        private LocalDate validity;
        private LocalDate renewDate;

        private Builder() {
        }

        /** The stable identifier. */
        public Builder externalId(String externalId) {
            this.externalId = externalId;
            return this;
        }

        /** The contract number, or {@code null}. */
        public Builder number(String number) {
            this.number = number;
            return this;
        }

        /** The display label. */
        public Builder label(String label) {
            this.label = label;
            return this;
        }

        /** The holder's name, or {@code null}. */
        public Builder subscriber(String subscriber) {
            this.subscriber = subscriber;
            return this;
        }

        /** The end of validity, or {@code null}. */
        public Builder validity(LocalDate validity) {
            this.validity = validity;
            return this;
        }

        /** The renewal date, or {@code null}. */
        public Builder renewDate(LocalDate renewDate) {
            this.renewDate = renewDate;
            return this;
        }

        public Subscription build() {
            return new Subscription(this);
        }
    }
}
