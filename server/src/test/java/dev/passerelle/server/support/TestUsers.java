package dev.passerelle.server.support;

import dev.passerelle.server.auth.TokenKind;
import dev.passerelle.server.auth.TokenService;
import dev.passerelle.server.users.UserAccounts;
import java.time.Clock;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * Builds users straight in the database for tests that are not about authentication.
 * Tests of the auth endpoints go through {@code POST /auth/init} instead.
 */
@Component
public class TestUsers {

    private final JdbcClient jdbc;
    private final TokenService tokens;
    private final UserAccounts accounts;
    private final Clock clock;

    public TestUsers(JdbcClient jdbc, TokenService tokens, UserAccounts accounts, Clock clock) {
        this.jdbc = jdbc;
        this.tokens = tokens;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** A permanent user with a permanent token. */
    public TestUser permanent() {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO app_user (signin) VALUES (:now)")
                .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .update(key, "id");
        long id = key.getKeyAs(Long.class);
        return new TestUser(id, tokens.issue(TokenKind.PERMANENT, id, null).token());
    }

    /** A permanent user of a client application, created as the API creates one (USER_CREATED is raised). */
    public TestUser permanentOf(long clientId) {
        long id = accounts.createPermanent(clientId).id();
        return new TestUser(id, tokens.issue(TokenKind.PERMANENT, id, clientId).token());
    }

    /** Another token of {@code kind} for an existing user. */
    public String token(TestUser user, TokenKind kind) {
        return tokens.issue(kind, user.id(), null).token();
    }

    /** A user and the token that acts for it. */
    public record TestUser(long id, String token) {
    }
}
