package dev.passerelle.server.connections;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.auth.AuthSteps;
import dev.passerelle.server.config.DataDirectory;
import dev.passerelle.server.connectors.ConsentBank;
import dev.passerelle.server.connectors.HandWrittenBanksConfig;
import dev.passerelle.server.support.AtOnce;
import dev.passerelle.server.support.CapturesLogs;
import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.TestApi;
import dev.passerelle.server.support.TestUsers;
import dev.passerelle.server.support.TestUsers.TestUser;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.context.annotation.Import;

/**
 * Several deletions at once of one connection, or of its user, on a {@link ConsentBank} whose consent
 * withdrawals are counted: the bank is asked once per connection, one deletion answers 204 and the
 * others 404, in the error envelope, as soon as the connection is gone (not after waiting
 * {@code resume-wait} for a lease that no longer exists, and logging a consent not withdrawn).
 */
@IntegrationTest
@CapturesLogs
@Import(HandWrittenBanksConfig.class)
class ConnectionDeletionTest {

    private static final String NOT_WITHDRAWN = "could not be withdrawn";

    @Autowired
    TestApi api;
    @Autowired
    TestUsers users;
    @Autowired
    ConsentBank bank;
    @Autowired
    DataDirectory dataDirectory;

    @Test
    void ofManyDeletionsOfAConnectionAtOnceOneWithdrawsTheConsentAndAnswers204(CapturedOutput log) throws Exception {
        TestUser user = users.permanent();
        long connection = added(user);

        assertDeletedOnce(log, () -> api.delete("/users/me/connections/" + connection).bearer(user.token()).send());
        assertThat(bank.revocations(connection)).as("consent withdrawals at the bank").isEqualTo(1);
        assertThat(api.get("/users/me/connections/" + connection).bearer(user.token()).send().status()).isEqualTo(404);
    }

    @Test
    void soDoManyDeletionsAtOnceWithTheConfigToken(CapturedOutput log) throws Exception {
        TestUser user = users.permanent();
        long connection = added(user);
        String config = AuthSteps.configToken(dataDirectory);

        assertDeletedOnce(log, () -> api.delete("/users/" + user.id() + "/connections/" + connection).bearer(config).send());
        assertThat(bank.revocations(connection)).as("consent withdrawals at the bank").isEqualTo(1);
    }

    @Test
    void ofManyDeletionsOfAUserAtOnceEachConsentIsWithdrawnOnce(CapturedOutput log) throws Exception {
        TestUser user = users.permanent();
        List<Long> connections = List.of(added(user), added(user), added(user));
        String config = AuthSteps.configToken(dataDirectory);

        assertDeletedOnce(log, () -> api.delete("/users/" + user.id()).bearer(config).send());
        assertThat(connections).as("consent withdrawals at the bank, per connection")
                .allSatisfy(connection -> assertThat(bank.revocations(connection)).isEqualTo(1));
    }

    /** Sends {@code deletion} eight times at once and checks what they answered and logged. */
    private static void assertDeletedOnce(CapturedOutput log, Callable<TestApi.Response> deletion) throws Exception {
        List<TestApi.Response> answers = AtOnce.send(8, deletion);

        assertThat(answers).extracting(TestApi.Response::status).containsOnlyOnce(204).containsOnly(204, 404);
        assertThat(answers).filteredOn(answer -> answer.status() == 404)
                .allSatisfy(answer -> assertThat(answer.json().get("code").asString()).isEqualTo("notFound"));
        assertThat(log.getAll()).doesNotContain(NOT_WITHDRAWN);
    }

    private long added(TestUser user) {
        TestApi.Response added = api.post("/users/me/connections").bearer(user.token())
                .json(Map.of("connector_uuid", ConsentBank.UUID_.toString(), "login", "jdupont")).send();
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        return added.json().get("id").asLong();
    }
}
