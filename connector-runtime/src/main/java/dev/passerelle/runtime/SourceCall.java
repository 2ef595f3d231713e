package dev.passerelle.runtime;

import dev.passerelle.connector.Account;
import dev.passerelle.connector.AuthMechanism;
import dev.passerelle.connector.Consent;
import java.util.Map;
import java.util.Objects;

/**
 * Which connection source a connector call is about, and what the server keeps of it: the field
 * values the user gave (decrypted) and the session the connector left last time.
 *
 * @param userId      whose connection (the bulkheads give each user a share of a connector)
 * @param credentials every stored field value of the connection, plus what this call posts
 * @param session     the session left by the previous call on the source, or {@code null} on first contact
 * @param consent     the consent the institution last granted on the source, as the server keeps it, or
 *                    {@code null} when it said nothing: data calls are made only on the accounts it covers
 */
public record SourceCall(long userId, long connectionId, String source, AuthMechanism mechanism,
                         Map<String, String> credentials, String session, Consent consent) {

    /** A source whose institution said nothing of its consent: every account is covered. */
    public SourceCall(long userId, long connectionId, String source, AuthMechanism mechanism,
                      Map<String, String> credentials, String session) {
        this(userId, connectionId, source, mechanism, credentials, session, null);
    }

    public SourceCall {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(mechanism, "mechanism");
        credentials = Map.copyOf(credentials);
    }

    /** The same source with the session a call left. */
    public SourceCall withSession(String newSession) {
        return new SourceCall(userId, connectionId, source, mechanism, credentials, newSession, consent);
    }

    /** The same source under the consent the institution granted on it. */
    public SourceCall withConsent(Consent granted) {
        return new SourceCall(userId, connectionId, source, mechanism, credentials, session, granted);
    }

    /** Whether the source's consent covers {@code account} ({@link Consent#accountScope()}); true when it says nothing. */
    public boolean covers(Account account) {
        return consent == null || consent.covers(account.externalId());
    }

    @Override
    public String toString() {
        return "SourceCall[connection " + connectionId + ", " + source + "]"; // never credentials or the session
    }
}
