package dev.passerelle.berlingroup.session;

import dev.passerelle.berlingroup.oauth.OAuthFlow;
import dev.passerelle.berlingroup.oauth.OAuthTokens;
import dev.passerelle.berlingroup.transport.BankError;
import dev.passerelle.berlingroup.transport.ErrorTable;
import dev.passerelle.berlingroup.transport.Xs2aClient;
import dev.passerelle.connector.ConnectionContext;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * One connector call's exchange with the bank: the context, the client, and the session as it
 * changes, written back to the context at every change so that the server keeps it whatever the call
 * ends with. Calls on a consent carry its {@code Consent-ID} and, for a consent authorised by OAuth,
 * its access token, refreshed when it expired.
 */
public final class Conversation {

    /** An access token this close to its expiry is refreshed before use. */
    private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(30);

    private final ConnectionContext ctx;
    private final Xs2aClient client;
    private final OAuthFlow oauth;
    private Xs2aSession session;

    public Conversation(ConnectionContext ctx, Xs2aClient client, OAuthFlow oauth) {
        this.ctx = ctx;
        this.client = client;
        this.oauth = oauth;
        this.session = Xs2aSession.of(ctx);
    }

    public ConnectionContext ctx() {
        return ctx;
    }

    public Xs2aClient client() {
        return client;
    }

    public Xs2aSession session() {
        return session;
    }

    /** Changes the session and writes it to the context. */
    public Xs2aSession update(UnaryOperator<Xs2aSession> change) {
        session = change.apply(session);
        session.save(ctx);
        return session;
    }

    /**
     * A call on the bank's API under a consent: its {@code Consent-ID}, its access token when it has
     * one (refreshed before it expires, and once more if the bank says it expired), and the user's own
     * headers when present.
     *
     * @param consentId the consent, whose tokens the session holds
     * @param request   builds the request: method, path, query
     */
    public Xs2aClient.Response onConsent(String consentId, Function<Xs2aClient, Xs2aClient.Request> request) {
        return authorised(consentId, client -> request.apply(client).header("Consent-ID", consentId));
    }

    /**
     * A call about a consent itself (its status, its deletion): its access token when it has one, the
     * user's headers when present, no {@code Consent-ID}.
     */
    public Xs2aClient.Response aboutConsent(String consentId, Function<Xs2aClient, Xs2aClient.Request> request) {
        return authorised(consentId, request);
    }

    private Xs2aClient.Response authorised(String consentId, Function<Xs2aClient, Xs2aClient.Request> request) {
        OAuthTokens tokens = tokensOf(consentId);
        if (tokens != null && tokens.expiresAt() != null
                && !ctx.clock().instant().isBefore(tokens.expiresAt().minus(EXPIRY_MARGIN))) {
            tokens = refresh(consentId, tokens);
        }
        try {
            return send(tokens, request);
        } catch (BankError e) {
            if (tokens == null || ErrorTable.meaning(e) != ErrorTable.Meaning.TOKEN_EXPIRED) {
                throw e;
            }
            return send(refresh(consentId, tokens), request);
        }
    }

    private Xs2aClient.Response send(OAuthTokens tokens, Function<Xs2aClient, Xs2aClient.Request> request) {
        return request.apply(client).header("Authorization", tokens == null ? null : "Bearer " + tokens.accessToken())
                .psu(ctx).send(ctx);
    }

    private OAuthTokens refresh(String consentId, OAuthTokens tokens) {
        OAuthTokens refreshed = oauth.refresh(ctx, tokens);
        update(current -> current.withTokens(consentId, refreshed));
        return refreshed;
    }

    private OAuthTokens tokensOf(String consentId) {
        return Stream.of(session.access(), session.listing())
                .filter(consent -> consent != null && consent.id().equals(consentId))
                .map(GrantedConsent::tokens).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }
}
