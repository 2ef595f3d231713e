package dev.passerelle.example.otp;

import dev.passerelle.connector.ConnectionContext;
import java.time.Instant;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the connector keeps between two calls, in the connection's session: the pending SMS
 * challenge, or the access token the institution granted and when it ends. Never the password:
 * the user typed it, the server keeps it, and the test kit fails a session that carries it.
 *
 * @param challenge    the login challenge waiting for its code, or {@code null}
 * @param token        the access token, or {@code null} before the code was given
 * @param tokenExpires when the institution stops accepting {@code token}
 */
record BankSession(String challenge, String token, Instant tokenExpires) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static BankSession awaitingCode(String challenge) {
        return new BankSession(challenge, null, null);
    }

    static BankSession signedIn(String token, Instant expires) {
        return new BankSession(null, token, expires);
    }

    /** The session the previous call on this connection left, if any. */
    static Optional<BankSession> of(ConnectionContext ctx) {
        return ctx.session().map(json -> JSON.readValue(json, BankSession.class));
    }

    void saveIn(ConnectionContext ctx) {
        ctx.saveSession(JSON.writeValueAsString(this));
    }

    /** The token, while the institution still accepts it at {@code now}. */
    Optional<String> validToken(Instant now) {
        return token != null && now.isBefore(tokenExpires) ? Optional.of(token) : Optional.empty();
    }
}
