package dev.passerelle.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.support.IntegrationTest;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import dev.passerelle.server.support.TestApi;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Token resolutions are cached (docs/auth.md "Token cache"), and every way a token dies reaches the
 * cache at once: each token here is used first, so that its resolution is cached when it is revoked.
 * The cache lives a whole hour in this context, so only the revocation path can make these pass.
 */
@IntegrationTest
@TestPropertySource(properties = "passerelle.auth.token-cache-ttl=1h")
class TokenCacheTest extends AuthEndpointTestBase {

    @Autowired
    TokenService tokens;
    @Autowired
    HikariDataSource dataSource;

    private String permanent;
    private long userId;

    @BeforeEach
    void aPermanentUserWhoseTokenWasJustUsed() {
        JsonNode user = steps.permanentUser(client);
        permanent = user.get("auth_token").asString();
        userId = user.get("id_user").asLong();
        assertThat(steps.whoAmIStatus(permanent)).isEqualTo(200);
    }

    @Test
    void aTokenDeletedWithDeleteAuthTokenIsRefusedAtItsNextUse() {
        assertThat(api.delete("/auth/token").bearer(permanent).send().status()).isEqualTo(204);

        assertThat(steps.whoAmIStatus(permanent)).isEqualTo(401);
    }

    @Test
    void theCodesOfADeletedTokenAreRefusedThoughTheyWereJustUsed() {
        String code = steps.code(permanent, "requestAccess");
        assertThat(steps.whoAmIStatus(code)).isEqualTo(200);

        api.delete("/auth/token").bearer(permanent).send();

        assertThat(steps.whoAmIStatus(code)).isEqualTo(401);
    }

    @Test
    void revokePreviousRefusesTheOldTokensAndTheirCodesAtOnce() {
        String code = steps.code(permanent, "requestAccess");
        assertThat(steps.whoAmIStatus(code)).isEqualTo(200);

        TestApi.Response renewed = api.post("/auth/renew").form(client.credentialsAnd(Map.of(
                "grant_type", "client_credentials", "id_user", Long.toString(userId), "revoke_previous", "true"))).send();

        assertThat(renewed.status()).isEqualTo(200);
        assertThat(steps.whoAmIStatus(permanent)).isEqualTo(401);
        assertThat(steps.whoAmIStatus(code)).isEqualTo(401);
        assertThat(steps.whoAmIStatus(renewed.json().get("access_token").asString())).isEqualTo(200);
    }

    @Test
    void aDeletedUsersTokensAreRefusedAtOnce() {
        String code = steps.code(permanent, "requestAccess");
        assertThat(steps.whoAmIStatus(code)).isEqualTo(200);

        assertThat(api.delete("/users/" + userId).bearer(AuthSteps.configToken(dataDirectory)).send().status())
                .isEqualTo(204);

        assertThat(steps.whoAmIStatus(permanent)).isEqualTo(401);
        assertThat(steps.whoAmIStatus(code)).isEqualTo(401);
    }

    @Test
    void aSingleUseCodeIsSpentByItsFirstUseEvenWhenEverythingElseIsCached() {
        String single = steps.code(permanent, "singleAccess");

        assertThat(steps.whoAmIStatus(single)).isEqualTo(200);
        assertThat(steps.whoAmIStatus(single)).isEqualTo(401);
    }

    @Test
    void anotherUsersRevocationLeavesThisTokenWorking() {
        String other = steps.permanentUser(client).get("auth_token").asString();
        assertThat(steps.whoAmIStatus(other)).isEqualTo(200);

        api.delete("/auth/token").bearer(other).send();

        assertThat(steps.whoAmIStatus(permanent)).isEqualTo(200);
        assertThat(steps.whoAmIStatus(other)).isEqualTo(401);
    }

    /** A cached resolution asks nothing of the database: it resolves while every pooled connection is taken. */
    @Test
    void aCachedTokenResolvesWithoutADatabaseConnection() throws SQLException {
        HikariPoolMXBean pool = dataSource.getHikariPoolMXBean();
        List<Connection> taken = new ArrayList<>();
        try {
            while (pool.getActiveConnections() < dataSource.getMaximumPoolSize()) {
                taken.add(dataSource.getConnection());
            }

            assertThat(tokens.resolve(permanent)).map(Caller.User::userId).contains(userId);
        } finally {
            for (Connection connection : taken) {
                connection.close();
            }
        }
    }
}
