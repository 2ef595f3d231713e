package dev.passerelle.server.sandboxbank;

import static dev.passerelle.server.config.DbTime.utc;

import dev.passerelle.server.crypto.Secrets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The sandbox bank's authorizations, in the database so that any server instance serves any step:
 * a customer who logged in holds a consent <em>ticket</em>; accepting turns it into an authorization
 * <em>code</em>, which the token endpoint spends at most once. Only hashes of tickets and codes are
 * stored, and each step is one conditional update, so that two concurrent uses cannot both succeed.
 */
@Repository
class BankAuthorizations {

    /** Rows are kept this long after they expire, then deleted. */
    private static final Duration KEPT_AFTER_EXPIRY = Duration.ofDays(1);

    private final JdbcClient jdbc;

    BankAuthorizations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What the customer is asked to consent to, and where the answer goes. */
    record Authorization(String clientId, String redirectUri, String clientState, String login, String scenario) {
    }

    /** A customer logged in: the ticket that lets them answer the consent screen until {@code expires}. */
    String open(Authorization authorization, Instant now, Instant expires) {
        jdbc.sql("DELETE FROM sandbox_bank_authorization WHERE expires_at < :old")
                .param("old", utc(now.minus(KEPT_AFTER_EXPIRY))).update();
        String ticket = Secrets.random(32);
        jdbc.sql("""
                INSERT INTO sandbox_bank_authorization
                  (ticket_hash, client_id, redirect_uri, client_state, psu_login, scenario, created, expires_at)
                VALUES (:ticket, :client, :redirect, :state, :login, :scenario, :now, :expires)""")
                .param("ticket", Secrets.sha256(ticket)).param("client", authorization.clientId())
                .param("redirect", authorization.redirectUri()).param("state", authorization.clientState())
                .param("login", authorization.login()).param("scenario", authorization.scenario())
                .param("now", utc(now)).param("expires", utc(expires))
                .update();
        return ticket;
    }

    /** The authorization a ticket still awaits an answer for. */
    Optional<Authorization> awaitingConsent(String ticket, Instant now) {
        return jdbc.sql("""
                SELECT client_id, redirect_uri, client_state, psu_login, scenario FROM sandbox_bank_authorization
                WHERE ticket_hash = :ticket AND code_hash IS NULL AND expires_at > :now""")
                .param("ticket", Secrets.sha256(ticket)).param("now", utc(now))
                .query(BankAuthorizations::authorization).optional();
    }

    /** The customer accepted: the code to send back, valid until {@code expires}; empty if the ticket was used. */
    Optional<String> accept(String ticket, Instant now, Instant expires) {
        String code = Secrets.random(32);
        int updated = jdbc.sql("""
                UPDATE sandbox_bank_authorization SET code_hash = :code, expires_at = :expires
                WHERE ticket_hash = :ticket AND code_hash IS NULL AND expires_at > :now""")
                .param("code", Secrets.sha256(code)).param("expires", utc(expires))
                .param("ticket", Secrets.sha256(ticket)).param("now", utc(now))
                .update();
        return updated == 1 ? Optional.of(code) : Optional.empty();
    }

    /** The customer refused: nothing is kept. */
    void deny(String ticket) {
        jdbc.sql("DELETE FROM sandbox_bank_authorization WHERE ticket_hash = :ticket AND code_hash IS NULL")
                .param("ticket", Secrets.sha256(ticket)).update();
    }

    /**
     * Spends a code: the authorization it grants if it was valid and unspent. A spent code is spent
     * for good, even when the caller then turns out to be the wrong client (RFC 6749 §4.1.2).
     */
    Optional<Authorization> exchange(String code, Instant now) {
        String hash = Secrets.sha256(code);
        int spent = jdbc.sql("""
                UPDATE sandbox_bank_authorization SET exchanged_at = :now
                WHERE code_hash = :code AND exchanged_at IS NULL AND expires_at > :now""")
                .param("now", utc(now)).param("code", hash)
                .update();
        if (spent != 1) {
            return Optional.empty();
        }
        return jdbc.sql("""
                SELECT client_id, redirect_uri, client_state, psu_login, scenario FROM sandbox_bank_authorization
                WHERE code_hash = :code""")
                .param("code", hash).query(BankAuthorizations::authorization).optional();
    }

    private static Authorization authorization(ResultSet rs, int n) throws SQLException {
        return new Authorization(rs.getString("client_id"), rs.getString("redirect_uri"), rs.getString("client_state"),
                rs.getString("psu_login"), rs.getString("scenario"));
    }
}
