package dev.passerelle.sandboxbank;

import dev.passerelle.runtime.host.AtRestEncryption;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;

/**
 * The sandbox bank's authorizations, in the database so that any server instance serves any step:
 * a customer who logged in holds a consent <em>ticket</em>; accepting turns it into an authorization
 * <em>code</em>, which the token endpoint spends at most once. Only hashes of tickets and codes are
 * stored, the customer's journey (login, scenario, redirect URI, state) only sealed with the at-rest
 * key, and each step is one conditional update, so that two concurrent uses cannot both succeed.
 */
@Repository
class BankAuthorizations {

    /** The at-rest purpose of {@code sandbox_bank_authorization.journey}, bound into its envelopes. */
    static final String JOURNEY = "sandbox_bank_authorization.journey";

    /** Rows are kept this long after they expire, then deleted. */
    private static final Duration KEPT_AFTER_EXPIRY = Duration.ofDays(1);

    private final JdbcClient jdbc;
    private final AtRestEncryption cipher;
    private final ObjectMapper json;

    BankAuthorizations(JdbcClient jdbc, AtRestEncryption cipher, ObjectMapper json) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.json = json;
    }

    /** What the customer is asked to consent to, and where the answer goes. */
    record Authorization(String clientId, String redirectUri, String clientState, String login, String scenario) {

        @Override
        public String toString() {
            return "Authorization[" + clientId + "]"; // never the customer's login nor the state
        }
    }

    /** What is sealed of an authorization: all but the client's public id. */
    record Journey(String redirectUri, String clientState, String login, String scenario) {
    }

    /** A customer logged in: the ticket that lets them answer the consent screen until {@code expires}. */
    String open(Authorization authorization, Instant now, Instant expires) {
        jdbc.sql("DELETE FROM sandbox_bank_authorization WHERE expires_at < :old")
                .param("old", utc(now.minus(KEPT_AFTER_EXPIRY))).update();
        String ticket = BankSecrets.fresh();
        jdbc.sql("""
                INSERT INTO sandbox_bank_authorization (ticket_hash, client_id, journey, created, expires_at)
                VALUES (:ticket, :client, :journey, :now, :expires)""")
                .param("ticket", BankSecrets.hash(ticket)).param("client", authorization.clientId())
                .param("journey", sealed(authorization))
                .param("now", utc(now)).param("expires", utc(expires))
                .update();
        return ticket;
    }

    /** The authorization a ticket still awaits an answer for. */
    Optional<Authorization> awaitingConsent(String ticket, Instant now) {
        return jdbc.sql("""
                SELECT client_id, journey FROM sandbox_bank_authorization
                WHERE ticket_hash = :ticket AND code_hash IS NULL AND expires_at > :now""")
                .param("ticket", BankSecrets.hash(ticket)).param("now", utc(now))
                .query(this::authorization).optional();
    }

    /** The customer accepted: the code to send back, valid until {@code expires}; empty if the ticket was used. */
    Optional<String> accept(String ticket, Instant now, Instant expires) {
        String code = BankSecrets.fresh();
        int updated = jdbc.sql("""
                UPDATE sandbox_bank_authorization SET code_hash = :code, expires_at = :expires
                WHERE ticket_hash = :ticket AND code_hash IS NULL AND expires_at > :now""")
                .param("code", BankSecrets.hash(code)).param("expires", utc(expires))
                .param("ticket", BankSecrets.hash(ticket)).param("now", utc(now))
                .update();
        return updated == 1 ? Optional.of(code) : Optional.empty();
    }

    /** The customer refused: nothing is kept. */
    void deny(String ticket) {
        jdbc.sql("DELETE FROM sandbox_bank_authorization WHERE ticket_hash = :ticket AND code_hash IS NULL")
                .param("ticket", BankSecrets.hash(ticket)).update();
    }

    /**
     * Spends a code: the authorization it grants if it was valid and unspent. A spent code is spent
     * for good, even when the caller then turns out to be the wrong client (RFC 6749 §4.1.2).
     */
    Optional<Authorization> exchange(String code, Instant now) {
        String hash = BankSecrets.hash(code);
        int spent = jdbc.sql("""
                UPDATE sandbox_bank_authorization SET exchanged_at = :now
                WHERE code_hash = :code AND exchanged_at IS NULL AND expires_at > :now""")
                .param("now", utc(now)).param("code", hash)
                .update();
        if (spent != 1) {
            return Optional.empty();
        }
        return jdbc.sql("""
                SELECT client_id, journey FROM sandbox_bank_authorization
                WHERE code_hash = :code""")
                .param("code", hash).query(this::authorization).optional();
    }

    /** An instant bound to a {@code TIMESTAMP WITH TIME ZONE} column, in UTC on H2 and PostgreSQL alike. */
    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private String sealed(Authorization authorization) {
        Journey journey = new Journey(authorization.redirectUri(), authorization.clientState(), authorization.login(),
                authorization.scenario());
        return cipher.encrypt(json.writeValueAsString(journey), JOURNEY);
    }

    private Authorization authorization(ResultSet rs, int n) throws SQLException {
        Journey journey = json.readValue(cipher.decrypt(rs.getString("journey"), JOURNEY), Journey.class);
        return new Authorization(rs.getString("client_id"), journey.redirectUri(), journey.clientState(),
                journey.login(), journey.scenario());
    }
}
