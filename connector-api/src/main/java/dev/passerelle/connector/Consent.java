package dev.passerelle.connector;

import java.time.Instant;
import java.util.Set;

/**
 * What an institution granted when the user authenticated ({@link StepResult.Success#consent()}):
 * the server syncs without the user only within it, and asks the user again once it ends.
 *
 * @param validUntil      when the consent ends, or {@code null} for the server's configured validity
 * @param frequencyPerDay how many unattended accesses a day the institution allows (PSD2: four), or
 *                        {@code null} when it sets no limit; the background sync keeps under it
 * @param accountScope    the external ids of the accounts it covers; empty for every account shown
 */
public record Consent(Instant validUntil, Integer frequencyPerDay, Set<String> accountScope) {

    public Consent {
        if (frequencyPerDay != null && frequencyPerDay < 1) {
            throw new IllegalArgumentException("frequencyPerDay is at least 1");
        }
        accountScope = Set.copyOf(accountScope);
    }

    /** A consent until {@code validUntil}, for every account, without a daily limit. */
    public static Consent until(Instant validUntil) {
        return new Consent(validUntil, null, Set.of());
    }

    public Consent withFrequencyPerDay(int perDay) {
        return new Consent(validUntil, perDay, accountScope);
    }

    public Consent forAccounts(Set<String> externalIds) {
        return new Consent(validUntil, frequencyPerDay, externalIds);
    }

    /** Whether it covers the account of that external id. */
    public boolean covers(String externalId) {
        return accountScope.isEmpty() || accountScope.contains(externalId);
    }
}
