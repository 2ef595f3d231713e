package dev.passerelle.xs2a.simulator.sca;

import dev.passerelle.xs2a.simulator.scenario.ScaMethodScript;
import java.time.Instant;
import java.util.Optional;

/**
 * One authorisation sub-resource of a consent: its {@code scaStatus}, the PSU, the chosen SCA method
 * and the wrong TANs so far. Its consent's lock guards every change (see {@code Consent}).
 */
public final class Authorisation {

    private final String id;
    private final String consentId;
    private final ScaApproach approach;
    private final String redirectUri;
    private final String nokRedirectUri;
    private volatile ScaStatus status;
    private volatile String psuId;
    private volatile ScaMethodScript chosenMethod;
    private volatile int failedAttempts;
    private volatile Instant startedAt;

    public Authorisation(String id, String consentId, ScaApproach approach, String psuId, String redirectUri,
                         String nokRedirectUri) {
        this.id = id;
        this.consentId = consentId;
        this.approach = approach;
        this.psuId = psuId;
        this.redirectUri = redirectUri;
        this.nokRedirectUri = nokRedirectUri;
        this.status = ScaStatus.RECEIVED;
    }

    public String id() {
        return id;
    }

    public String consentId() {
        return consentId;
    }

    public ScaApproach approach() {
        return approach;
    }

    public ScaStatus status() {
        return status;
    }

    public void status(ScaStatus next) {
        this.status = next;
    }

    public Optional<String> psuId() {
        return Optional.ofNullable(psuId);
    }

    public void psuId(String psu) {
        this.psuId = psu;
    }

    public Optional<ScaMethodScript> chosenMethod() {
        return Optional.ofNullable(chosenMethod);
    }

    public void choose(ScaMethodScript method) {
        this.chosenMethod = method;
        this.status = ScaStatus.SCA_METHOD_SELECTED;
    }

    public int failedAttempts() {
        return failedAttempts;
    }

    /** Counts a wrong TAN or password; returns the count so far. */
    public int fail() {
        return ++failedAttempts;
    }

    public Optional<Instant> startedAt() {
        return Optional.ofNullable(startedAt);
    }

    /** A decoupled SCA starts on the PSU's device now. */
    public void start(Instant now) {
        this.startedAt = now;
        this.status = ScaStatus.STARTED;
    }

    public Optional<String> redirectUri() {
        return Optional.ofNullable(redirectUri);
    }

    public Optional<String> nokRedirectUri() {
        return Optional.ofNullable(nokRedirectUri);
    }
}
