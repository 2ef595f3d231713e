package dev.passerelle.server.console;

import static dev.passerelle.server.config.DbTime.utc;

import dev.passerelle.server.config.DbTime;
import dev.passerelle.server.crypto.Secrets;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Console sessions, stored like tokens: the cookie carries 256 random bits, the database their
 * SHA-256 only, so any instance serves any operator and a database dump opens no session. A
 * session ends at logout, after {@code idle-timeout} unused, or {@code max-session} after its login.
 * Its CSRF token is derived from the cookie's value (HMAC), so forms carry a value an attacker
 * cannot know without the cookie, and nothing more is stored.
 */
@Component
class ConsoleSessions {

    private static final int TOKEN_BYTES = 32;

    private final JdbcClient jdbc;
    private final Operators operators;
    private final ConsoleProperties properties;
    private final Clock clock;

    ConsoleSessions(JdbcClient jdbc, Operators operators, ConsoleProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.operators = operators;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * A signed-in operator's session.
     *
     * @param secondFactorPending the operator gave the password; the TOTP code is still to come
     * @param csrf                the token every form of the session carries
     */
    record Session(long id, Operator operator, boolean secondFactorPending, String csrf) {
        @Override
        public String toString() {
            return "Session[" + id + " " + operator.login() + "]"; // never the CSRF token
        }
    }

    /** A new session for the operator; the cookie's value is returned, the only copy. */
    String open(Operator operator, boolean secondFactorPending) {
        String token = Secrets.random(TOKEN_BYTES);
        Instant now = clock.instant();
        jdbc.sql("""
                        INSERT INTO console_session (token_hash, id_operator, second_factor, created, last_seen, expires)
                        VALUES (:hash, :operator, :pending, :now, :now, :expires)""")
                .param("hash", Secrets.sha256(token)).param("operator", operator.id()).param("pending", secondFactorPending)
                .param("now", utc(now)).param("expires", utc(now.plus(properties.maxSession()))).update();
        return token;
    }

    /** The live session of a cookie's value; it counts as used now. */
    Optional<Session> resolve(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<Row> row = jdbc.sql("""
                        SELECT id, id_operator, second_factor, last_seen, expires FROM console_session WHERE token_hash = :hash""")
                .param("hash", Secrets.sha256(token))
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("id_operator"), rs.getBoolean("second_factor"),
                        DbTime.instant(rs, "last_seen"), DbTime.instant(rs, "expires")))
                .optional()
                .filter(found -> now.isBefore(found.expires()) && now.isBefore(found.lastSeen().plus(properties.idleTimeout())));
        row.ifPresent(found -> jdbc.sql("UPDATE console_session SET last_seen = :now WHERE id = :id")
                .param("now", utc(now)).param("id", found.id()).update());
        return row.flatMap(found -> operators.find(found.operatorId())
                .map(operator -> new Session(found.id(), operator, found.secondFactorPending(), csrf(token, "session"))));
    }

    /** Ends the session of a cookie's value. */
    void close(String token) {
        if (token != null) {
            jdbc.sql("DELETE FROM console_session WHERE token_hash = :hash").param("hash", Secrets.sha256(token)).update();
        }
    }

    /** Ends every session of an operator (the configuration gave it another password or TOTP key). */
    void closeAll(long operatorId) {
        jdbc.sql("DELETE FROM console_session WHERE id_operator = :operator").param("operator", operatorId).update();
    }

    /** Ends every session of an operator but {@code keep} (its password or second factor changed). */
    void closeOthers(long operatorId, long keep) {
        jdbc.sql("DELETE FROM console_session WHERE id_operator = :operator AND id <> :keep")
                .param("operator", operatorId).param("keep", keep).update();
    }

    /** Forgets the sessions that ended; the start-up and every login call it. */
    void purgeEnded() {
        Instant now = clock.instant();
        jdbc.sql("DELETE FROM console_session WHERE expires <= :now OR last_seen <= :idle")
                .param("now", utc(now)).param("idle", utc(now.minus(properties.idleTimeout()))).update();
    }

    /** The CSRF token bound to a cookie's value, for one purpose (the session, or the login form before it). */
    static String csrf(String cookie, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(cookie.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(("console csrf " + purpose).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is mandatory in every JDK", e);
        }
    }

    private record Row(long id, long operatorId, boolean secondFactorPending, Instant lastSeen, Instant expires) {
    }
}
