package dev.passerelle.berlingroup.session;

import dev.passerelle.berlingroup.oauth.OAuthTokens;
import dev.passerelle.connector.ConnectionContext;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the connector keeps about one connection between calls, as JSON in the connection's session
 * (stored sealed by the server): the consents, the authorisation in progress, the accounts the bank
 * showed. It holds what the bank granted (consent ids, OAuth tokens), never what the user typed.
 *
 * @param access   the consent data calls use, or {@code null} before one is valid
 * @param listing  the detailed model's one-off consent on the account list, or {@code null}
 * @param pending  the authorisation in progress, or {@code null}
 * @param accounts the accounts the bank showed, in its order
 * @param chosen   the detailed model's accounts the user activated while away (external ids), which the
 *                 next authentication asks a consent for; empty when none waits
 */
public record Xs2aSession(int version, GrantedConsent access, GrantedConsent listing, Pending pending,
                          List<KnownAccount> accounts, List<String> chosen) {

    static final int VERSION = 1;

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public Xs2aSession {
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
        chosen = chosen == null ? List.of() : List.copyOf(chosen);
    }

    public static Xs2aSession empty() {
        return new Xs2aSession(VERSION, null, null, null, List.of(), List.of());
    }

    /** The connection's session, or an empty one on first contact (or after an unreadable one). */
    public static Xs2aSession of(ConnectionContext ctx) {
        return ctx.session().flatMap(Xs2aSession::read).orElseGet(Xs2aSession::empty);
    }

    static Optional<Xs2aSession> read(String json) {
        try {
            Xs2aSession session = JSON.readValue(json, Xs2aSession.class);
            return session.version() == VERSION ? Optional.of(session) : Optional.empty();
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    /** Writes this session to the connection's. */
    public void save(ConnectionContext ctx) {
        ctx.saveSession(JSON.writeValueAsString(this));
    }

    public Optional<GrantedConsent> accessConsent() {
        return Optional.ofNullable(access);
    }

    public Optional<Pending> pendingAuthorisation() {
        return Optional.ofNullable(pending);
    }

    public Optional<KnownAccount> account(String externalId) {
        return accounts.stream().filter(a -> a.externalId().equals(externalId)).findFirst();
    }

    public Xs2aSession withAccess(GrantedConsent consent) {
        return new Xs2aSession(version, consent, listing, pending, accounts, chosen);
    }

    public Xs2aSession withListing(GrantedConsent consent) {
        return new Xs2aSession(version, access, consent, pending, accounts, chosen);
    }

    public Xs2aSession withPending(Pending authorisation) {
        return new Xs2aSession(version, access, listing, authorisation, accounts, chosen);
    }

    /** The session with the refreshed tokens of consent {@code consentId}. */
    public Xs2aSession withTokens(String consentId, OAuthTokens tokens) {
        return new Xs2aSession(version, access != null && access.id().equals(consentId) ? access.withTokens(tokens) : access,
                listing != null && listing.id().equals(consentId) ? listing.withTokens(tokens) : listing, pending, accounts,
                chosen);
    }

    public Xs2aSession withAccounts(List<KnownAccount> known) {
        return new Xs2aSession(version, access, listing, pending, known, chosen);
    }

    public Xs2aSession withChosen(List<String> externalIds) {
        return new Xs2aSession(version, access, listing, pending, accounts, externalIds);
    }
}
