package dev.passerelle.server.connections;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.auth.AuthSteps;
import dev.passerelle.server.config.DataDirectory;
import dev.passerelle.server.connectors.ConsentBank;
import dev.passerelle.server.connectors.HandWrittenBanksConfig;
import dev.passerelle.server.support.AtOnce;
import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.TestApi;
import dev.passerelle.server.support.TestUsers;
import dev.passerelle.server.support.TestUsers.TestUser;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * Several deletions of one connection at once, on a {@link ConsentBank} whose consent withdrawals are
 * counted: the bank is asked once, one deletion answers 204 and the others 404, in the error envelope, as
 * soon as the connection is gone (not after waiting {@code resume-wait} for a lease that no longer exists).
 */
@IntegrationTest
@Import(HandWrittenBanksConfig.class)
class ConnectionDeletionTest {

    @Autowired
    TestApi api;
    @Autowired
    TestUsers users;
    @Autowired
    ConsentBank bank;
    @Autowired
    DataDirectory dataDirectory;
    @Autowired
    ConnectionsProperties properties;

    @Test
    void ofManyDeletionsOfAConnectionAtOnceOneWithdrawsTheConsentAndAnswers204() throws Exception {
        TestUser user = users.permanent();
        long connection = added(user);

        assertDeletedOnce(connection, () -> api.delete("/users/me/connections/" + connection).bearer(user.token()).send());
        assertThat(api.get("/users/me/connections/" + connection).bearer(user.token()).send().status()).isEqualTo(404);
    }

    @Test
    void soDoManyDeletionsAtOnceWithTheConfigToken() throws Exception {
        TestUser user = users.permanent();
        long connection = added(user);
        String config = AuthSteps.configToken(dataDirectory);

        assertDeletedOnce(connection, () -> api.delete("/users/" + user.id() + "/connections/" + connection).bearer(config).send());
    }

    /** Sends {@code deletion} eight times at once and checks what they did. */
    private void assertDeletedOnce(long connection, Callable<TestApi.Response> deletion) throws Exception {
        long start = System.nanoTime();
        List<TestApi.Response> answers = AtOnce.send(8, deletion);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(answers).extracting(TestApi.Response::status).containsOnlyOnce(204).containsOnly(204, 404);
        assertThat(answers).filteredOn(answer -> answer.status() == 404)
                .allSatisfy(answer -> assertThat(answer.json().get("code").asString()).isEqualTo("notFound"));
        assertThat(bank.revocations(connection)).as("consent withdrawals at the bank").isEqualTo(1);
        assertThat(took).as("the 404s wait for no lease").isLessThan(properties.resumeWait());
    }

    private long added(TestUser user) {
        TestApi.Response added = api.post("/users/me/connections").bearer(user.token())
                .json(Map.of("connector_uuid", ConsentBank.UUID_.toString(), "login", "jdupont")).send();
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        return added.json().get("id").asLong();
    }
}
