package dev.passerelle.server.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.passerelle.server.connectors.GatedBank;
import dev.passerelle.server.connectors.GatedBankTest;
import dev.passerelle.server.support.TestApi;
import dev.passerelle.server.support.TestUsers.TestUser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A connector's capacity over real HTTP: waiting for a bank holds no slot, and one user gets at
 * most its share of the slots, so other users always get through. The {@link GatedBank} holds its
 * calls until the test releases them.
 */
@TestPropertySource(properties = {
        "passerelle.limits.connector-concurrency=3",
        "passerelle.limits.connector-concurrency-per-user=2",
        "passerelle.limits.connector-wait=1s",
        "passerelle.connections.resume-wait=60s"})
class ConnectorSharesTest extends GatedBankTest {

    @Test
    void usersWaitingForTheirBankToValidateDoNotKeepAnotherUserFromTheConnector() throws Exception {
        bank.approve(false);
        TestUser alice = users.permanent();
        List<Long> pending = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            TestApi.Response added = add(alice, "decoupled");
            assertThat(added.status()).as("%s", added).isEqualTo(202);
            pending.add(added.json().get("id").asLong());
        }
        List<Future<TestApi.Response>> polls = new ArrayList<>();
        for (long id : pending) {
            polls.add(meanwhile(() -> api.post("/users/me/connections/" + id).bearer(alice.token())
                    .json(Map.of("resume", "true")).send()));
        }
        await().atMost(Duration.ofSeconds(20))
                .until(() -> pending.stream().allMatch(id -> bank.polls(id) >= 2));

        TestApi.Response bobs = add(users.permanent(), "ok");

        assertThat(bobs.status()).as("%s", bobs).isEqualTo(200);
        bank.approve(true);
        for (Future<TestApi.Response> poll : polls) {
            assertThat(poll.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
        }
    }

    @Test
    void aUsersAddsBeyondItsShareAreTooManyRequestsWhileAnotherUserGetsThrough() throws Exception {
        bank.closeGate();
        TestUser alice = users.permanent();
        List<Future<TestApi.Response>> held = List.of(
                meanwhile(() -> add(alice, "hold")), meanwhile(() -> add(alice, "hold")));
        assertThat(bank.holds(2)).as("alice's two adds reach the bank").isTrue();

        TestApi.Response beyond = add(alice, "ok");
        TestApi.Response bobs = add(users.permanent(), "ok");

        assertThat(beyond.status()).as("%s", beyond).isEqualTo(429);
        assertThat(beyond.json().get("code").asString()).isEqualTo("tooManyRequests");
        assertThat(beyond.header("Retry-After")).isNotBlank();
        assertThat(bobs.status()).as("%s", bobs).isEqualTo(200);
        bank.openGate();
        for (Future<TestApi.Response> add : held) {
            assertThat(add.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
        }
        assertThat(api.get("/users/me/connections").bearer(alice.token()).send().json().get("connections").size())
                .as("the refused add kept nothing").isEqualTo(2);
    }

    private TestApi.Response add(TestUser user, String login) {
        return api.post("/users/me/connections").bearer(user.token())
                .json(Map.of("connector_uuid", GatedBank.UUID_.toString(), "login", login)).send();
    }
}
