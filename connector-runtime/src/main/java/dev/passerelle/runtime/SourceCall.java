package dev.passerelle.runtime;

import dev.passerelle.connector.AuthMechanism;
import java.util.Map;
import java.util.Objects;

/**
 * Which connection source a connector call is about, and what the server keeps of it: the field
 * values the user gave (decrypted) and the session the connector left last time.
 *
 * @param userId      whose connection (the bulkheads give each user a share of a connector)
 * @param credentials every stored field value of the connection, plus what this call posts
 * @param session     the session left by the previous call on the source, or {@code null} on first contact
 */
public record SourceCall(long userId, long connectionId, String source, AuthMechanism mechanism,
                         Map<String, String> credentials, String session) {

    public SourceCall {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(mechanism, "mechanism");
        credentials = Map.copyOf(credentials);
    }

    /** The same source with the session a call left. */
    public SourceCall withSession(String newSession) {
        return new SourceCall(userId, connectionId, source, mechanism, credentials, newSession);
    }

    @Override
    public String toString() {
        return "SourceCall[connection " + connectionId + ", " + source + "]"; // never credentials or the session
    }
}
