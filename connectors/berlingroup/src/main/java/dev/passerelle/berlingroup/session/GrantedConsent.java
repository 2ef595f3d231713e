package dev.passerelle.berlingroup.session;

import dev.passerelle.berlingroup.oauth.OAuthTokens;
import java.time.LocalDate;
import java.util.List;

/**
 * A consent the bank made valid.
 *
 * @param id              the bank's {@code consentId}
 * @param validUntil      the last day it is valid, in the bank's time zone
 * @param frequencyPerDay the unattended accesses a day the bank granted
 * @param scope           the external ids of the accounts it covers; empty for every account the bank shows
 * @param tokens          the OAuth2 tokens of a consent authorised by the OAuth approach, or {@code null}
 */
public record GrantedConsent(String id, LocalDate validUntil, int frequencyPerDay, List<String> scope,
                             OAuthTokens tokens) {

    public GrantedConsent {
        scope = scope == null ? List.of() : List.copyOf(scope);
    }

    public GrantedConsent withTokens(OAuthTokens refreshed) {
        return new GrantedConsent(id, validUntil, frequencyPerDay, scope, refreshed);
    }
}
