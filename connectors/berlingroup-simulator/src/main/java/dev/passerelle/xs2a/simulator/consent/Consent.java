package dev.passerelle.xs2a.simulator.consent;

import dev.passerelle.xs2a.simulator.sca.Authorisation;
import dev.passerelle.xs2a.simulator.sca.ScaApproach;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One account-information consent resource and its authorisation sub-resources. Every change goes
 * through {@code synchronized} methods of this object, so concurrent TPP calls on one consent see
 * one state at a time.
 */
public final class Consent {

    private final String id;
    private final AccessRequest access;
    private final boolean recurring;
    private final LocalDate validUntil;
    private final int frequencyPerDay;
    private final ScaApproach approach;
    private final Instant createdAt;
    private final String redirectUri;
    private final String nokRedirectUri;
    private final Map<String, Authorisation> authorisations = new LinkedHashMap<>();
    private final Map<String, Integer> unattendedAccesses = new HashMap<>();
    private String psuId;
    private ConsentStatus status = ConsentStatus.RECEIVED;
    private LocalDate lastActionDate;
    private Grant grant;
    private Instant authorisedAt;
    private int failedCredentials;
    private int dataAccesses;

    public Consent(String id, AccessRequest access, boolean recurring, LocalDate validUntil, int frequencyPerDay,
                   ScaApproach approach, String psuId, Instant createdAt, LocalDate today, String redirectUri,
                   String nokRedirectUri) {
        this.id = id;
        this.access = access;
        this.recurring = recurring;
        this.validUntil = validUntil;
        this.frequencyPerDay = frequencyPerDay;
        this.approach = approach;
        this.psuId = psuId;
        this.createdAt = createdAt;
        this.lastActionDate = today;
        this.redirectUri = redirectUri;
        this.nokRedirectUri = nokRedirectUri;
    }

    public String id() {
        return id;
    }

    public AccessRequest access() {
        return access;
    }

    public boolean recurring() {
        return recurring;
    }

    /** The validity as granted: the requested date capped by the bank's maximum. */
    public LocalDate validUntil() {
        return validUntil;
    }

    public int frequencyPerDay() {
        return frequencyPerDay;
    }

    public ScaApproach approach() {
        return approach;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Optional<String> redirectUri() {
        return Optional.ofNullable(redirectUri);
    }

    public Optional<String> nokRedirectUri() {
        return Optional.ofNullable(nokRedirectUri);
    }

    public synchronized Optional<String> psuId() {
        return Optional.ofNullable(psuId);
    }

    /** Binds the consent to the PSU who identified (PSU-ID header, or login at the bank). */
    public synchronized void identify(String psu) {
        if (psuId == null) {
            psuId = psu;
        }
    }

    public synchronized ConsentStatus status() {
        return status;
    }

    public synchronized LocalDate lastActionDate() {
        return lastActionDate;
    }

    public synchronized Optional<Grant> grant() {
        return Optional.ofNullable(grant);
    }

    public synchronized Optional<Instant> authorisedAt() {
        return Optional.ofNullable(authorisedAt);
    }

    public synchronized int dataAccesses() {
        return dataAccesses;
    }

    /** Moves to a new status on {@code today}; a finished consent keeps its final status. */
    public synchronized void moveTo(ConsentStatus next, LocalDate today) {
        if (status == next) {
            return;
        }
        status = next;
        lastActionDate = today;
    }

    /** The PSU authorised: the consent becomes valid with what it grants. */
    public synchronized void authorise(Grant granted, Instant now, LocalDate today) {
        grant = granted;
        authorisedAt = now;
        moveTo(ConsentStatus.VALID, today);
    }

    public synchronized void addAuthorisation(Authorisation authorisation) {
        authorisations.put(authorisation.id(), authorisation);
    }

    public synchronized Optional<Authorisation> authorisation(String authorisationId) {
        return Optional.ofNullable(authorisations.get(authorisationId));
    }

    public synchronized List<Authorisation> authorisations() {
        return new ArrayList<>(authorisations.values());
    }

    /** Counts a wrong password given for this consent; returns the count so far. */
    public synchronized int failCredentials() {
        return ++failedCredentials;
    }

    /**
     * Counts one access to account data; unattended accesses (no PSU-IP-Address) are counted per day
     * and resource. Returns the count of unattended accesses of that key so far, 0 when attended.
     */
    public synchronized int countAccess(boolean unattended, String dayAndResource) {
        dataAccesses++;
        return unattended ? unattendedAccesses.merge(dayAndResource, 1, Integer::sum) : 0;
    }
}
