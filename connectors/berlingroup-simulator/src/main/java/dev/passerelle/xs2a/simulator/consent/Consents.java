package dev.passerelle.xs2a.simulator.consent;

import dev.passerelle.xs2a.simulator.bank.BankAccount;
import dev.passerelle.xs2a.simulator.sca.Authorisation;
import dev.passerelle.xs2a.simulator.sca.ScaStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The consents of the bank and their lifecycle: authorised (valid), rejected, terminated by the TPP,
 * revoked by the PSU, expired at the end of {@code validUntil} or earlier when the PSU's scenario says
 * so. A former recurring consent of the same PSU expires when a new one is authorised, unless the bank
 * supports multiple consents (OpenAPI file, "Create consent", side effects).
 */
public final class Consents {

    private final Map<String, Consent> byId = new ConcurrentHashMap<>();
    private final Map<String, Consent> byAuthorisation = new ConcurrentHashMap<>();
    private final Clock clock;
    private final ZoneId zone;
    private final boolean multipleConsents;
    private final Function<String, Duration> silentExpiry;
    private final Function<String, List<BankAccount>> accounts;

    /**
     * @param silentExpiry how long after its authorisation a PSU's consent silently expires (null: never)
     * @param accounts     the accounts of a PSU, to resolve what a consent grants
     */
    public Consents(Clock clock, ZoneId zone, boolean multipleConsents, Function<String, Duration> silentExpiry,
                    Function<String, List<BankAccount>> accounts) {
        this.clock = clock;
        this.zone = zone;
        this.multipleConsents = multipleConsents;
        this.silentExpiry = silentExpiry;
        this.accounts = accounts;
    }

    public void add(Consent consent) {
        byId.put(consent.id(), consent);
    }

    public void addAuthorisation(Consent consent, Authorisation authorisation) {
        consent.addAuthorisation(authorisation);
        byAuthorisation.put(authorisation.id(), consent);
    }

    /** The consent, its status brought up to date with the clock. */
    public Optional<Consent> find(String consentId) {
        Consent consent = consentId == null ? null : byId.get(consentId);
        if (consent != null) {
            refresh(consent);
        }
        return Optional.ofNullable(consent);
    }

    public Optional<Consent> byAuthorisation(String authorisationId) {
        return Optional.ofNullable(byAuthorisation.get(authorisationId)).flatMap(c -> find(c.id()));
    }

    public List<Consent> all() {
        List<Consent> all = new ArrayList<>(byId.values());
        all.forEach(this::refresh);
        all.sort(Comparator.comparing(Consent::createdAt));
        return all;
    }

    /** The PSU authorised with SCA; {@code chosen} are the accounts picked for a bank-offered consent. */
    public void authorise(Consent consent, Authorisation authorisation, Set<String> chosen) {
        String psu = authorisation.psuId().or(consent::psuId).orElseThrow();
        consent.identify(psu);
        List<BankAccount> psuAccounts = accounts.apply(psu);
        Set<String> picked = chosen.isEmpty() ? allIds(psuAccounts) : chosen;
        synchronized (consent) {
            authorisation.status(ScaStatus.FINALISED);
            consent.authorise(Grant.resolve(consent.access(), psuAccounts, picked), now(), today());
        }
        if (consent.recurring() && !multipleConsents) {
            for (Consent former : byId.values()) {
                if (former != consent && former.recurring() && former.psuId().equals(Optional.of(psu))
                        && former.status() == ConsentStatus.VALID) {
                    former.moveTo(ConsentStatus.EXPIRED, today());
                }
            }
        }
    }

    /** The SCA failed or the PSU refused: the consent is rejected. */
    public void reject(Consent consent, Authorisation authorisation) {
        synchronized (consent) {
            authorisation.status(ScaStatus.FAILED);
            consent.moveTo(ConsentStatus.REJECTED, today());
        }
    }

    public void terminate(Consent consent) {
        consent.moveTo(ConsentStatus.TERMINATED_BY_TPP, today());
    }

    public void revokeByPsu(Consent consent) {
        consent.moveTo(ConsentStatus.REVOKED_BY_PSU, today());
    }

    public void expire(Consent consent) {
        consent.moveTo(ConsentStatus.EXPIRED, today());
    }

    private void refresh(Consent consent) {
        if (consent.status() != ConsentStatus.VALID) {
            return;
        }
        boolean pastValidity = today().isAfter(consent.validUntil());
        Duration early = consent.psuId().map(silentExpiry).orElse(null);
        boolean silentlyExpired = early != null && consent.authorisedAt()
                .map(at -> !now().isBefore(at.plus(early))).orElse(false);
        if (pastValidity || silentlyExpired) {
            consent.moveTo(ConsentStatus.EXPIRED, today());
        }
    }

    private static Set<String> allIds(List<BankAccount> accounts) {
        Set<String> ids = new LinkedHashSet<>();
        accounts.forEach(a -> ids.add(a.resourceId()));
        return ids;
    }

    private Instant now() {
        return clock.instant();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }
}
