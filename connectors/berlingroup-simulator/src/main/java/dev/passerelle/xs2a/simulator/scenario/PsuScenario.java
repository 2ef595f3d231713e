package dev.passerelle.xs2a.simulator.scenario;

import dev.passerelle.xs2a.simulator.sca.ScaApproach;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How the bank behaves for one PSU (by {@code PSU-ID}, or by the id typed on the login page):
 * which SCA approach it imposes, the password, the SCA methods and TANs, how a decoupled SCA ends,
 * how the transaction list is paged and identified, and the failures to script. Also the shape of
 * one entry of a {@code --scenario-file} (JSON, see docs/berlin-group-simulator.md).
 *
 * @param approach         the approach the bank imposes; null lets the bank choose from the TPP's
 *                         {@code TPP-Redirect-Preferred}/{@code TPP-Decoupled-Preferred} headers
 * @param maxAttempts      wrong passwords or TANs before the authorisation fails
 * @param decoupledDelay   simulator time between the start of a decoupled SCA and its outcome
 * @param transactionsPerPage page size of the transaction lists; null: the bank's default
 * @param transactionIds   false: transactions carry neither {@code transactionId} nor {@code entryReference}
 * @param silentExpiry     the consent expires this long after its authorisation, earlier than its
 *                         announced {@code validUntil} (CONSENT_EXPIRED on a later access); null: never
 * @param unattendedAccessesPerDay the bank's own daily cap on unattended accesses, below the
 *                         consent's {@code frequencyPerDay}; null: the consent's frequency
 */
public record PsuScenario(
        String psuId,
        String password,
        ScaApproach approach,
        List<ScaMethodScript> scaMethods,
        Integer maxAttempts,
        DecoupledOutcome decoupledOutcome,
        Duration decoupledDelay,
        Integer transactionsPerPage,
        Boolean transactionIds,
        Duration silentExpiry,
        Integer unattendedAccessesPerDay,
        List<Fault> faults,
        String ownerName) {

    public static final String DEFAULT_PASSWORD = "secret";

    /** How a decoupled SCA ends on the PSU's device. */
    public enum DecoupledOutcome {
        APPROVED,
        REJECTED,
        /** The PSU never answers: {@code scaStatus} stays {@code started}. */
        NEVER
    }

    public PsuScenario {
        Objects.requireNonNull(psuId, "psuId");
        if (psuId.isBlank()) {
            throw new IllegalArgumentException("psuId must not be blank");
        }
        password = password == null ? DEFAULT_PASSWORD : password;
        scaMethods = scaMethods == null || scaMethods.isEmpty()
                ? List.of(ScaMethodScript.smsOtp("123456")) : List.copyOf(scaMethods);
        maxAttempts = maxAttempts == null ? 3 : maxAttempts;
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        decoupledOutcome = decoupledOutcome == null ? DecoupledOutcome.APPROVED : decoupledOutcome;
        decoupledDelay = decoupledDelay == null ? Duration.ofSeconds(5) : decoupledDelay;
        transactionIds = transactionIds == null || transactionIds;
        faults = faults == null ? List.of() : List.copyOf(faults);
        ownerName = ownerName == null ? "PSU " + psuId : ownerName;
        if (transactionsPerPage != null && transactionsPerPage < 1) {
            throw new IllegalArgumentException("transactionsPerPage must be at least 1");
        }
        if (unattendedAccessesPerDay != null && unattendedAccessesPerDay < 0) {
            throw new IllegalArgumentException("unattendedAccessesPerDay must not be negative");
        }
    }

    public static Builder builder(String psuId) {
        return new Builder(psuId);
    }

    /** Builds a {@link PsuScenario}; unset fields take the defaults documented on the record. */
    public static final class Builder {
        private final String psuId;
        private String password;
        private ScaApproach approach;
        private List<ScaMethodScript> scaMethods = new ArrayList<>();
        private Integer maxAttempts;
        private DecoupledOutcome decoupledOutcome;
        private Duration decoupledDelay;
        private Integer transactionsPerPage;
        private Boolean transactionIds;
        private Duration silentExpiry;
        private Integer unattendedAccessesPerDay;
        private List<Fault> faults = new ArrayList<>();
        private String ownerName;

        private Builder(String psuId) {
            this.psuId = psuId;
        }

        public Builder password(String value) {
            this.password = value;
            return this;
        }

        public Builder approach(ScaApproach value) {
            this.approach = value;
            return this;
        }

        /** The embedded approach's methods; two or more make the TPP select one. */
        public Builder scaMethods(ScaMethodScript... methods) {
            this.scaMethods = new ArrayList<>(List.of(methods));
            return this;
        }

        public Builder maxAttempts(int value) {
            this.maxAttempts = value;
            return this;
        }

        public Builder decoupled(DecoupledOutcome outcome, Duration delay) {
            this.decoupledOutcome = outcome;
            this.decoupledDelay = delay;
            return this;
        }

        public Builder transactionsPerPage(int value) {
            this.transactionsPerPage = value;
            return this;
        }

        public Builder withoutTransactionIds() {
            this.transactionIds = false;
            return this;
        }

        public Builder silentExpiry(Duration afterAuthorisation) {
            this.silentExpiry = afterAuthorisation;
            return this;
        }

        public Builder unattendedAccessesPerDay(int value) {
            this.unattendedAccessesPerDay = value;
            return this;
        }

        public Builder fault(Fault fault) {
            this.faults.add(fault);
            return this;
        }

        public Builder ownerName(String value) {
            this.ownerName = value;
            return this;
        }

        public PsuScenario build() {
            return new PsuScenario(psuId, password, approach, scaMethods, maxAttempts, decoupledOutcome,
                    decoupledDelay, transactionsPerPage, transactionIds, silentExpiry, unattendedAccessesPerDay,
                    faults, ownerName);
        }
    }
}
