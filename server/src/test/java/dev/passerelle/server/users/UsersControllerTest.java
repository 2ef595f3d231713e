package dev.passerelle.server.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.auth.AuthSteps;
import dev.passerelle.server.config.DataDirectory;
import dev.passerelle.server.support.AtOnce;
import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.TestApi;
import dev.passerelle.server.support.TestConnector;
import dev.passerelle.server.support.TestUsers;
import dev.passerelle.server.support.TestUsers.TestUser;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;

@IntegrationTest
@RecordApplicationEvents
class UsersControllerTest {

    @Autowired
    TestApi api;
    @Autowired
    TestUsers testUsers;
    @Autowired
    UserAccounts users;
    @Autowired
    DataDirectory dataDirectory;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @Autowired
    ApplicationEvents events;

    private TestUser user;

    @BeforeEach
    void setUp() {
        user = testUsers.permanent();
    }

    @Test
    void getMeAnswersIdAndSigninAsProtocolTimestamp() {
        JsonNode body = api.get("/users/me").bearer(user.token()).send().json();

        assertThat(body.get("id").asLong()).isEqualTo(user.id());
        assertThat(body.get("signin").asString()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
    }

    @Test
    void getOwnNumericIdAnswersTheUser() {
        TestApi.Response response = api.get("/users/" + user.id()).bearer(user.token()).send();

        assertThat(response.json().get("id").asLong()).isEqualTo(user.id());
    }

    @Test
    void anotherUsersNumericIdIsForbidden() {
        TestUser other = testUsers.permanent();

        TestApi.Response response = api.get("/users/" + other.id()).bearer(user.token()).send();

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("code").asString()).isEqualTo("forbidden");
    }

    @Test
    void configTokenReadsAnyUserByNumericId() {
        TestApi.Response response = api.get("/users/" + user.id()).bearer(AuthSteps.configToken(dataDirectory)).send();

        assertThat(response.json().get("id").asLong()).isEqualTo(user.id());
    }

    @Test
    void deleteMeAnswers204AndRemovesTheUserAndItsTokens() {
        TestApi.Response response = api.delete("/users/me").bearer(user.token()).send();

        assertThat(response.status()).isEqualTo(204);
        assertThat(users.find(user.id())).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM auth_token WHERE id_user = :id")).isZero();
        assertThat(api.get("/users/me").bearer(user.token()).send().status()).isEqualTo(401);
    }

    @Test
    void deleteMeRemovesTheUsersConnectionsAndAccounts() {
        long connection = insertConnectionWithAccount(user.id());

        api.delete("/users/me").bearer(user.token()).send();

        assertThat(jdbc.sql("SELECT COUNT(*) FROM connection WHERE id = :c").param("c", connection)
                .query(Long.class).single()).isZero();
        assertThat(count("SELECT COUNT(*) FROM bank_account WHERE id_user = :id")).isZero();
    }

    @Test
    void deleteAnotherUserIsForbiddenAndKeepsIt() {
        TestUser other = testUsers.permanent();

        assertThat(api.delete("/users/" + other.id()).bearer(user.token()).send().status()).isEqualTo(403);

        assertThat(users.find(other.id())).isPresent();
    }

    @Test
    void ofManyDeletionsOfAUserAtOnceOnlyTheOneThatDeletedItAnswers204() throws Exception {
        String config = AuthSteps.configToken(dataDirectory);

        List<Integer> statuses = AtOnce.send(8, () -> api.delete("/users/" + user.id()).bearer(config).send().status());

        assertThat(statuses).containsOnlyOnce(204).containsOnly(204, 404);
        assertThat(users.find(user.id())).isEmpty();
    }

    @Test
    void deletingAUserPublishesUserDeleted() {
        users.delete(user.id());

        assertThat(events.stream(UserDeleted.class)).containsExactly(new UserDeleted(user.id()));
    }

    @Test
    void listingUsersWithConfigTokenAnswersUsersAndTotal() {
        JsonNode body = api.get("/users").bearer(AuthSteps.configToken(dataDirectory)).send().json();

        assertThat(body.get("total").asInt()).isEqualTo(body.get("users").size());
        assertThat(body.get("users").valueStream().map(u -> u.get("id").asLong())).contains(user.id());
    }

    @Test
    void listingUsersWithUserTokenIsForbidden() {
        assertThat(api.get("/users").bearer(user.token()).send().status()).isEqualTo(403);
    }

    private long count(String sql) {
        return jdbc.sql(sql).param("id", user.id()).query(Long.class).single();
    }

    private long insertConnectionWithAccount(long userId) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO connection (id_user, id_connector, connector_uuid, created)
                VALUES (:user, :connector, :uuid, :now)""")
                .param("connector", TestConnector.ID).param("uuid", TestConnector.UUID)
                .param("user", userId).param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .update(key, "id");
        long connection = key.getKeyAs(Long.class);
        jdbc.sql("""
                INSERT INTO bank_account (id_connection, id_user, external_id, original_name, name, account_type,
                                          balance, currency, created)
                VALUES (:connection, :user, 'acc-1', 'Checking', 'Checking', 'checking', 10, 'EUR', :now)""")
                .param("connection", connection).param("user", userId)
                .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .update();
        return connection;
    }
}
