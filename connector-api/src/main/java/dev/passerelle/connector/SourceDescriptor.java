package dev.passerelle.connector;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One way of reaching the institution: {@code directaccess} scrapes the website, {@code openapi}
 * uses the PSD2 API. Sources are added in ascending {@link #priority()}.
 */
public final class SourceDescriptor {

    private final int id;
    private final String name;
    private final int priority;
    private final AuthMechanism authMechanism;
    private final Set<AuthMechanism> availableAuthMechanisms;
    private final List<Capability> capabilities;
    private final List<AccountUsage> accountUsages;

    private SourceDescriptor(Builder b) {
        this.id = b.id;
        this.name = Objects.requireNonNull(b.name, "name");
        if (!name.matches("[a-z]+")) {
            throw new IllegalArgumentException("source names are lower-case letters: " + name);
        }
        this.priority = b.priority;
        this.authMechanism = Objects.requireNonNull(b.authMechanism, "authMechanism");
        Set<AuthMechanism> available = EnumSet.of(authMechanism);
        available.addAll(b.availableAuthMechanisms);
        this.availableAuthMechanisms = Set.copyOf(available);
        this.capabilities = List.copyOf(b.capabilities);
        this.accountUsages = List.copyOf(b.accountUsages);
    }

    /**
     * A builder.
     *
     * @param id   numeric id, unique across the server's connector sources
     * @param name lower-case name ({@code ^[a-z]+$})
     */
    public static Builder builder(int id, String name) {
        return new Builder(id, name);
    }

    public int id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** The order in which sources are added: lowest first. */
    public int priority() {
        return priority;
    }

    /** The default mechanism. */
    public AuthMechanism authMechanism() {
        return authMechanism;
    }

    /** Every mechanism the source accepts, the default included. */
    public Set<AuthMechanism> availableAuthMechanisms() {
        return availableAuthMechanisms;
    }

    /** What this source reads; the server calls a capability only on sources that declare it. */
    public List<Capability> capabilities() {
        return capabilities;
    }

    public boolean has(Capability capability) {
        return capabilities.contains(capability);
    }

    public List<AccountUsage> accountUsages() {
        return accountUsages;
    }

    @Override
    public String toString() {
        return "SourceDescriptor[" + id + ", " + name + "]";
    }

    /** Builds a {@link SourceDescriptor}. */
    public static final class Builder {

        private final int id;
        private final String name;
        private int priority = 1;
        private AuthMechanism authMechanism = AuthMechanism.CREDENTIALS;
        private Set<AuthMechanism> availableAuthMechanisms = Set.of();
        private List<Capability> capabilities = List.of(Capability.BANK);
        private List<AccountUsage> accountUsages = List.of();

        private Builder(int id, String name) {
            this.id = id;
            this.name = name;
        }

        public Builder priority(int priority) {
            this.priority = priority;
            return this;
        }

        /** The default mechanism; {@code alsoAccepted} are the others the source takes. */
        public Builder authMechanism(AuthMechanism authMechanism, AuthMechanism... alsoAccepted) {
            this.authMechanism = authMechanism;
            this.availableAuthMechanisms = Set.of(alsoAccepted);
            return this;
        }

        public Builder capabilities(Capability... capabilities) {
            this.capabilities = List.of(capabilities);
            return this;
        }

        public Builder accountUsages(AccountUsage... usages) {
            this.accountUsages = List.of(usages);
            return this;
        }

        public SourceDescriptor build() {
            return new SourceDescriptor(this);
        }
    }
}
