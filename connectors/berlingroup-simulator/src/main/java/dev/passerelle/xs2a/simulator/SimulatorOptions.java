package dev.passerelle.xs2a.simulator;

import dev.passerelle.xs2a.simulator.sca.ScaApproach;
import dev.passerelle.xs2a.simulator.scenario.Fault;
import dev.passerelle.xs2a.simulator.scenario.PsuScenario;
import dev.passerelle.xs2a.simulator.scenario.ScenarioCatalogue;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How a simulator is started: where it listens, TLS, the OpenAPI file to validate against, its clock
 * and seed, the bank's profile (what it supports and requires) and the PSU scenarios beyond the
 * catalogue. Build with {@link #builder()}; every setting has a default.
 */
public record SimulatorOptions(
        String host,
        int port,
        String basePath,
        TlsOptions tls,
        Path specFile,
        SimulatorClock clock,
        long seed,
        String bankName,
        String bic,
        String bankCode,
        ZoneId zone,
        Period maxConsentValidity,
        ScaApproach redirectApproach,
        Set<ScaApproach> supportedApproaches,
        boolean signatureRequired,
        List<X509Certificate> signatureTrustAnchors,
        boolean psuIdRequired,
        boolean explicitStartRequired,
        boolean multipleConsents,
        boolean combinedServiceSupported,
        int transactionsPerPage,
        boolean absoluteLinks,
        Duration accessTokenLifetime,
        List<PsuScenario> scenarios,
        List<Fault> bankFaults) {

    /** The system property and the environment variable naming the OpenAPI file when {@code --spec} is not given. */
    public static final String SPEC_PROPERTY = "passerelle.xs2a.spec";
    public static final String SPEC_ENV = "PASSERELLE_XS2A_SPEC";

    public SimulatorOptions {
        supportedApproaches = Set.copyOf(supportedApproaches);
        signatureTrustAnchors = List.copyOf(signatureTrustAnchors);
        scenarios = List.copyOf(scenarios);
        bankFaults = List.copyOf(bankFaults);
        if (!basePath.isEmpty() && (!basePath.startsWith("/") || basePath.endsWith("/"))) {
            throw new IllegalArgumentException("basePath must be empty or start with / and not end with /: " + basePath);
        }
        if (!supportedApproaches.contains(redirectApproach)) {
            throw new IllegalArgumentException("the redirect approach " + redirectApproach + " must be supported");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<TlsOptions> tlsOptions() {
        return Optional.ofNullable(tls);
    }

    public Optional<Path> spec() {
        return Optional.ofNullable(specFile);
    }

    /** The OpenAPI file named by {@value #SPEC_PROPERTY} or {@value #SPEC_ENV}, if any. */
    public static Optional<Path> specFromEnvironment() {
        String value = System.getProperty(SPEC_PROPERTY, "");
        if (value.isBlank()) {
            value = Optional.ofNullable(System.getenv(SPEC_ENV)).orElse("");
        }
        return value.isBlank() ? Optional.empty() : Optional.of(Path.of(value));
    }

    /** Builds {@link SimulatorOptions}. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private String basePath = "";
        private TlsOptions tls;
        private Path specFile;
        private SimulatorClock clock = SimulatorClock.system();
        private long seed = 42;
        private String bankName = "Passerelle Testbank";
        private String bic = "PASSDEB1XXX";
        private String bankCode = "10010010";
        private ZoneId zone = ZoneId.of("Europe/Berlin");
        private Period maxConsentValidity = Period.ofDays(180);
        private ScaApproach redirectApproach = ScaApproach.REDIRECT;
        private Set<ScaApproach> supportedApproaches = EnumSet.allOf(ScaApproach.class);
        private boolean signatureRequired;
        private List<X509Certificate> signatureTrustAnchors = new ArrayList<>();
        private boolean psuIdRequired;
        private boolean explicitStartRequired;
        private boolean multipleConsents;
        private boolean combinedServiceSupported;
        private int transactionsPerPage = 100;
        private boolean absoluteLinks;
        private Duration accessTokenLifetime = Duration.ofHours(1);
        private final List<PsuScenario> scenarios = new ArrayList<>(ScenarioCatalogue.defaults());
        private final List<Fault> bankFaults = new ArrayList<>();

        private Builder() {
        }

        /** Interface to listen on; {@code 127.0.0.1} by default. */
        public Builder host(String value) {
            this.host = value;
            return this;
        }

        /** Port; 0 (the default) picks a free one. */
        public Builder port(int value) {
            this.port = value;
            return this;
        }

        /** A path prefix before {@code /v1}, e.g. {@code /psd2}. */
        public Builder basePath(String value) {
            this.basePath = value;
            return this;
        }

        public Builder tls(TlsOptions value) {
            this.tls = value;
            return this;
        }

        /** The Berlin Group OpenAPI file: every request and response is then validated against it. */
        public Builder spec(Path file) {
            this.specFile = file;
            return this;
        }

        public Builder clock(SimulatorClock value) {
            this.clock = value;
            return this;
        }

        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        public Builder bank(String name, String bicCode, String nationalBankCode) {
            this.bankName = name;
            this.bic = bicCode;
            this.bankCode = nationalBankCode;
            return this;
        }

        /** The bank's local time zone: days of {@code validUntil}, of the daily access count, of bookings. */
        public Builder zone(ZoneId value) {
            this.zone = value;
            return this;
        }

        /** The longest consent the bank grants; a later {@code validUntil} is capped. */
        public Builder maxConsentValidity(Period value) {
            this.maxConsentValidity = value;
            return this;
        }

        /** REDIRECT or OAUTH: what the bank uses when the TPP prefers a redirect and the PSU has no scenario. */
        public Builder redirectApproach(ScaApproach value) {
            this.redirectApproach = value;
            return this;
        }

        public Builder supportedApproaches(Set<ScaApproach> value) {
            this.supportedApproaches = EnumSet.copyOf(value);
            return this;
        }

        /**
         * The bank rejects requests without a valid {@code Digest}/{@code Signature}/{@code
         * TPP-Signature-Certificate} (SIGNATURE_MISSING, SIGNATURE_INVALID); the certificate must chain to
         * one of {@code anchors} when any is given.
         */
        public Builder requireSignature(X509Certificate... anchors) {
            this.signatureRequired = true;
            this.signatureTrustAnchors = new ArrayList<>(List.of(anchors));
            return this;
        }

        /** The bank wants {@code PSU-ID} on every consent request, the redirect approach included. */
        public Builder psuIdRequired(boolean value) {
            this.psuIdRequired = value;
            return this;
        }

        /** The TPP must start authorisations explicitly, whatever it prefers. */
        public Builder explicitStartRequired(boolean value) {
            this.explicitStartRequired = value;
            return this;
        }

        /**
         * Whether several recurring consents of one PSU stay valid together; by default, as the OpenAPI
         * file says, a former recurring consent expires when a new one is authorised.
         */
        public Builder multipleConsents(boolean value) {
            this.multipleConsents = value;
            return this;
        }

        public Builder combinedServiceSupported(boolean value) {
            this.combinedServiceSupported = value;
            return this;
        }

        /** The page size of transaction lists for PSUs whose scenario does not set one. */
        public Builder transactionsPerPage(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("transactionsPerPage must be at least 1");
            }
            this.transactionsPerPage = value;
            return this;
        }

        /** Absolute hrefs in {@code _links}; by default they are relative, as the standard allows. */
        public Builder absoluteLinks(boolean value) {
            this.absoluteLinks = value;
            return this;
        }

        public Builder accessTokenLifetime(Duration value) {
            this.accessTokenLifetime = value;
            return this;
        }

        /** Adds (or replaces, by PSU id) a PSU scenario. */
        public Builder scenario(PsuScenario scenario) {
            scenarios.removeIf(s -> s.psuId().equals(scenario.psuId()));
            scenarios.add(scenario);
            return this;
        }

        /** A failure for the whole bank, whoever the PSU. */
        public Builder bankFault(Fault fault) {
            bankFaults.add(fault);
            return this;
        }

        public SimulatorOptions build() {
            return new SimulatorOptions(host, port, basePath, tls, specFile, clock, seed, bankName, bic, bankCode, zone,
                    maxConsentValidity, redirectApproach, supportedApproaches, signatureRequired,
                    signatureTrustAnchors, psuIdRequired, explicitStartRequired, multipleConsents, combinedServiceSupported,
                    transactionsPerPage, absoluteLinks, accessTokenLifetime, scenarios, bankFaults);
        }
    }
}
