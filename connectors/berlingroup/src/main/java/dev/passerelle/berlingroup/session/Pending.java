package dev.passerelle.berlingroup.session;

import dev.passerelle.berlingroup.directory.ScaApproach;
import dev.passerelle.berlingroup.oauth.AuthorizationRequest;
import dev.passerelle.berlingroup.oauth.OAuthTokens;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A consent whose strong customer authentication is in progress.
 *
 * @param purpose   what the consent is for
 * @param consentId the bank's {@code consentId}
 * @param psuId     the user's id at the bank when the user gave it (sent as {@code PSU-ID}), or {@code null}
 * @param approach  the approach the bank chose ({@code ASPSP-SCA-Approach}), or {@code null} before it said
 * @param step      what the connector waits for
 * @param links     the {@code _links} of the bank's last answer, by relation
 * @param answer    the bank's last answer (SCA methods, challenge data), to ask the user again after a wrong code
 * @param scope     the external ids of the accounts a detailed consent asks for; empty otherwise
 * @param oauth     the authorization request of the OAuth approach, or {@code null}
 * @param expiresAt when a decoupled approval stops being awaited, or {@code null}
 * @param tokens    the OAuth tokens the authorisation already gave while the bank confirms the consent, or {@code null}
 */
public record Pending(Purpose purpose, String consentId, String psuId, ScaApproach approach, Step step, Map<String, String> links,
                      JsonNode answer, List<String> scope, AuthorizationRequest oauth, Instant expiresAt,
                      OAuthTokens tokens) {

    public Pending {
        links = links == null ? Map.of() : Map.copyOf(links);
        scope = scope == null ? List.of() : List.copyOf(scope);
    }

    /** What a consent in authorisation is for. */
    public enum Purpose {
        /** The one-off list of the user's accounts (the detailed model's first consent). */
        LISTING,
        /** The recurring access data calls use. */
        ACCESS
    }

    /** What the connector waits for. */
    public enum Step {
        /** The user's id at the bank ({@code PSU-ID}). */
        PSU_ID,
        /** The user's password (embedded approach). */
        PASSWORD,
        /** The user's choice among SCA methods. */
        METHOD,
        /** The one-time code of the chosen method. */
        TAN,
        /** The user's return from the bank's pages (redirect or OAuth). */
        RETURN,
        /** The user's approval in the bank's app (decoupled). */
        APPROVAL
    }

    public Pending at(Step next, ScaApproach chosen, Map<String, String> nextLinks, JsonNode nextAnswer) {
        return new Pending(purpose, consentId, psuId, chosen, next, nextLinks, nextAnswer, scope, oauth, expiresAt, tokens);
    }

    public Pending withOAuth(AuthorizationRequest request) {
        return new Pending(purpose, consentId, psuId, approach, Step.RETURN, links, answer, scope, request, expiresAt, tokens);
    }

    public Pending awaitingApproval(Instant until) {
        return new Pending(purpose, consentId, psuId, ScaApproach.DECOUPLED, Step.APPROVAL, links, answer, scope, oauth,
                until, tokens);
    }

    public Pending withTokens(OAuthTokens given) {
        return new Pending(purpose, consentId, psuId, approach, step, links, answer, scope, oauth, expiresAt, given);
    }

    public Pending withPsuId(String id) {
        return new Pending(purpose, consentId, id, approach, step, links, answer, scope, oauth, expiresAt, tokens);
    }
}
