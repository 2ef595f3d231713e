package dev.passerelle.connector;

import java.net.URI;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What {@code GET /connectors} publishes about one connector, and what the server must know to run
 * it: the SPI version it was written for, its settings and the institution's rate limit.
 */
public final class ConnectorDescriptor {

    private final int spiVersion;
    private final int id;
    private final UUID uuid;
    private final String name;
    private final String slug;
    private final String color;
    private final String code;
    private final boolean beta;
    private final List<AccountType> accountTypes;
    private final List<String> countries;
    private final int monthsToFetch;
    private final double syncPeriodDays;
    private final List<SourceDescriptor> sources;
    private final List<FieldSpec> fields;
    private final List<SettingSpec> settings;
    private final RateLimit rateLimit;
    private final URI logoUrl;

    private ConnectorDescriptor(Builder b) {
        this.spiVersion = b.spiVersion;
        if (spiVersion < 1) {
            throw new IllegalArgumentException("name the SPI version the connector was written for: spiVersion(Spi.VERSION)");
        }
        this.id = b.id;
        this.uuid = Objects.requireNonNull(b.uuid, "uuid");
        this.name = Objects.requireNonNull(b.name, "name");
        this.slug = b.slug;
        this.color = b.color;
        this.code = b.code;
        this.beta = b.beta;
        this.accountTypes = List.copyOf(b.accountTypes);
        this.countries = List.copyOf(b.countries);
        this.monthsToFetch = b.monthsToFetch;
        this.syncPeriodDays = b.syncPeriodDays;
        this.sources = b.sources.stream().sorted(Comparator.comparingInt(SourceDescriptor::priority)).toList();
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("a connector has at least one source");
        }
        this.fields = List.copyOf(b.fields);
        this.settings = List.copyOf(b.settings);
        this.rateLimit = b.rateLimit;
        this.logoUrl = b.logoUrl;
    }

    /**
     * A builder.
     *
     * @param id   numeric id, unique on the server; stable here (not across Powens domains)
     * @param uuid stable identity
     * @param name display name
     */
    public static Builder builder(int id, UUID uuid, String name) {
        return new Builder(id, uuid, name);
    }

    /** The SPI version the connector was written for ({@link Spi#VERSION} when it was compiled). */
    public int spiVersion() {
        return spiVersion;
    }

    public int id() {
        return id;
    }

    public UUID uuid() {
        return uuid;
    }

    public String name() {
        return name;
    }

    /** Short letter code, or {@code null}. */
    public String slug() {
        return slug;
    }

    /** Brand colour, hex without {@code #}, or {@code null}. */
    public String color() {
        return color;
    }

    /** Bank code, or {@code null}. */
    public String code() {
        return code;
    }

    /** Possibly unstable. */
    public boolean beta() {
        return beta;
    }

    /** What any of its sources can read, in the order of {@link Capability}. */
    public List<Capability> capabilities() {
        Set<Capability> all = EnumSet.noneOf(Capability.class);
        sources.forEach(source -> all.addAll(source.capabilities()));
        return List.copyOf(all);
    }

    /** The kinds of accounts it may show. */
    public List<AccountType> accountTypes() {
        return accountTypes;
    }

    /** What any of its sources serves, in the order of {@link AccountUsage}. */
    public List<AccountUsage> accountUsages() {
        Set<AccountUsage> all = EnumSet.noneOf(AccountUsage.class);
        sources.forEach(source -> all.addAll(source.accountUsages()));
        return List.copyOf(all);
    }

    /** ISO 3166-1 alpha-2 codes, lower case. */
    public List<String> countries() {
        return countries;
    }

    /** History depth fetched on a first sync. */
    public int monthsToFetch() {
        return monthsToFetch;
    }

    /** Days between background syncs. */
    public double syncPeriodDays() {
        return syncPeriodDays;
    }

    /** Ways of reaching the institution, by priority. */
    public List<SourceDescriptor> sources() {
        return sources;
    }

    /** Every field of every source. */
    public List<FieldSpec> fields() {
        return fields;
    }

    /** The settings an operator gives it. */
    public List<SettingSpec> settings() {
        return settings;
    }

    /** How many calls the institution accepts, or empty when it sets no limit. */
    public Optional<RateLimit> rateLimit() {
        return Optional.ofNullable(rateLimit);
    }

    /** Where the institution's logo is (an image a connector picker shows), or empty. */
    public Optional<URI> logoUrl() {
        return Optional.ofNullable(logoUrl);
    }

    /** The source added when the client names none: the one of lowest priority number. */
    public SourceDescriptor defaultSource() {
        return sources.getFirst();
    }

    /** The source of that name. */
    public Optional<SourceDescriptor> source(String name) {
        return sources.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The connector's default mechanism: its default source's. */
    public AuthMechanism authMechanism() {
        return defaultSource().authMechanism();
    }

    /** Every mechanism any source accepts. */
    public Set<AuthMechanism> availableAuthMechanisms() {
        return sources.stream().flatMap(s -> s.availableAuthMechanisms().stream())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Fields asked when adding {@code source} with {@code mechanism}. */
    public List<FieldSpec> fieldsFor(String source, AuthMechanism mechanism) {
        return fields.stream().filter(f -> f.appliesTo(source, mechanism)).toList();
    }

    @Override
    public String toString() {
        return "ConnectorDescriptor[" + id + ", " + uuid + ", " + name + "]";
    }

    /** Builds a {@link ConnectorDescriptor}. */
    public static final class Builder {

        private int spiVersion;
        private final int id;
        private final UUID uuid;
        private final String name;
        private String slug;
        private String color;
        private String code;
        private boolean beta;
        private List<AccountType> accountTypes = List.of();
        private List<String> countries = List.of();
        private int monthsToFetch = 6;
        private double syncPeriodDays = 1;
        private List<SourceDescriptor> sources = List.of();
        private List<FieldSpec> fields = List.of();
        private List<SettingSpec> settings = List.of();
        private RateLimit rateLimit;
        private URI logoUrl;

        private Builder(int id, UUID uuid, String name) {
            this.id = id;
            this.uuid = uuid;
            this.name = name;
        }

        /** Pass {@link Spi#VERSION}: javac copies the version the connector is compiled against. */
        public Builder spiVersion(int spiVersion) {
            this.spiVersion = spiVersion;
            return this;
        }

        public Builder slug(String slug) {
            this.slug = slug;
            return this;
        }

        public Builder color(String color) {
            this.color = color;
            return this;
        }

        public Builder code(String code) {
            this.code = code;
            return this;
        }

        public Builder beta(boolean beta) {
            this.beta = beta;
            return this;
        }

        public Builder accountTypes(AccountType... accountTypes) {
            this.accountTypes = List.of(accountTypes);
            return this;
        }

        public Builder countries(String... countries) {
            this.countries = List.of(countries);
            return this;
        }

        public Builder monthsToFetch(int monthsToFetch) {
            this.monthsToFetch = monthsToFetch;
            return this;
        }

        public Builder syncPeriodDays(double syncPeriodDays) {
            this.syncPeriodDays = syncPeriodDays;
            return this;
        }

        public Builder sources(Collection<SourceDescriptor> sources) {
            this.sources = List.copyOf(sources);
            return this;
        }

        public Builder fields(Collection<FieldSpec> fields) {
            this.fields = List.copyOf(fields);
            return this;
        }

        public Builder settings(Collection<SettingSpec> settings) {
            this.settings = List.copyOf(settings);
            return this;
        }

        public Builder rateLimit(RateLimit rateLimit) {
            this.rateLimit = rateLimit;
            return this;
        }

        public Builder logoUrl(URI logoUrl) {
            this.logoUrl = logoUrl;
            return this;
        }

        public ConnectorDescriptor build() {
            return new ConnectorDescriptor(this);
        }
    }
}
