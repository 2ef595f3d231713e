package dev.passerelle.connector;

import java.util.Objects;

/** The identity of the account holder ({@link ProfileCapability}). */
public final class Profile {

    private final String name;
    private final String email;
    private final String phone;
    private final String address;

    private Profile(Builder b) {
        this.name = Objects.requireNonNull(b.name, "Profile.name is required");
        this.email = b.email;
        this.phone = b.phone;
        this.address = b.address;
    }

    /** A builder; {@code name} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this profile's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.name = this.name;
        b.email = this.email;
        b.phone = this.phone;
        b.address = this.address;
        return b;
    }

    /** The full name. */
    public String name() {
        return name;
    }

    /** The e-mail address, or {@code null}. */
    public String email() {
        return email;
    }

    /** The phone number, or {@code null}. */
    public String phone() {
        return phone;
    }

    /** The postal address on one line, or {@code null}. */
    public String address() {
        return address;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Profile other
                && Objects.equals(name, other.name)
                && Objects.equals(email, other.email)
                && Objects.equals(phone, other.phone)
                && Objects.equals(address, other.address);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, email, phone, address);
    }

    @Override
    public String toString() {
        return "Profile[name=" + name + "]";
    }

    /** Builds a {@link Profile}. */
    public static final class Builder {

        private String name;
        private String email;
        private String phone;
        private String address;

        private Builder() {
        }

        /** The full name. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** The e-mail address, or {@code null}. */
        public Builder email(String email) {
            this.email = email;
            return this;
        }

        /** The phone number, or {@code null}. */
        public Builder phone(String phone) {
            this.phone = phone;
            return this;
        }

        /** The postal address on one line, or {@code null}. */
        public Builder address(String address) {
            this.address = address;
            return this;
        }

        public Profile build() {
            return new Profile(this);
        }
    }
}
