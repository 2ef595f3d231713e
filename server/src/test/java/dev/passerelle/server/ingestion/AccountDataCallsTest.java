package dev.passerelle.server.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.connectors.HandWrittenBanksConfig;
import dev.passerelle.server.connectors.OverlapBank;
import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.TestApi;
import dev.passerelle.server.support.TestUsers;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * The data calls about one account, on the {@link OverlapBank}, which notices calls that overlap:
 * <ul>
 *   <li>an activation calls the connector (its post-activation hook, then the account's data) under
 *       the connection's lease, as steps and syncs do, so never at the same time as a sync there; a
 *       sync held at the bank keeps the activation waiting (up to
 *       {@code passerelle.connections.resume-wait}, 2 s in tests), and the sync then fetches the
 *       newly active account itself;</li>
 *   <li>the consent an institution grants may cover some accounts only (Berlin Group's dedicated
 *       consent, {@code Consent.accountScope}): the server keeps that scope on the source and makes no
 *       data call on any other account, which the institution would refuse; that account says
 *       {@code actionNeeded} while the others and the connection sync as usual.</li>
 * </ul>
 */
@IntegrationTest
@Import(HandWrittenBanksConfig.class)
class AccountDataCallsTest {

    @Autowired
    TestApi api;
    @Autowired
    TestUsers users;
    @Autowired
    OverlapBank bank;

    private final ExecutorService executor = Executors.newCachedThreadPool();

    @AfterEach
    void releaseTheBank() {
        bank.openSyncs();
        executor.shutdownNow();
    }

    @Test
    void anActivationDuringASyncNeverCallsTheBankAtTheSameTimeAndTheSyncFetchesTheAccount() throws Exception {
        String token = users.permanent().token();
        long id = added(token, "jdupont");
        long b = accountNamed(token, id, "Account B").get("id").asLong();
        bank.holdSyncs();
        Future<TestApi.Response> sync = executor.submit(() -> api.put("/users/me/connections/" + id).bearer(token).send());
        assertThat(bank.holdsASync()).isTrue();

        TestApi.Response activated = api.put("/users/me/connections/" + id + "/accounts/" + b + "?all").bearer(token)
                .json(Map.of("disabled", false)).send();

        assertThat(activated.status()).as("%s", activated).isEqualTo(200);
        assertThat(bank.transactionCalls(id, "B")).as("no call while the sync holds the connection").isZero();
        bank.openSyncs();
        assertThat(sync.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
        assertThat(bank.overlapped()).isFalse();
        assertThat(bank.transactionCalls(id, "B")).as("fetched once, by the sync").isEqualTo(1);
        JsonNode transactions = api.get("/users/me/accounts/" + b + "/transactions").bearer(token).send().json();
        assertThat(transactions.get("transactions")).hasSize(1);
    }

    @Test
    void anAccountOutsideTheConsentIsNeverAskedOfTheBankAndSaysActionNeeded() {
        String token = users.permanent().token();
        long id = added(token, "scoped");
        long a = accountNamed(token, id, "Account A").get("id").asLong();
        long b = accountNamed(token, id, "Account B").get("id").asLong();

        TestApi.Response activated = api.put("/users/me/connections/" + id + "/accounts/" + a + "," + b + "?all")
                .bearer(token).json(Map.of("disabled", false)).send();
        TestApi.Response synced = api.put("/users/me/connections/" + id).bearer(token).send();

        assertThat(activated.status()).as("%s", activated).isEqualTo(200);
        assertThat(bank.transactionCalls(id, "A")).isEqualTo(2);
        assertThat(bank.transactionCalls(id, "B")).isZero();
        assertThat(accountNamed(token, id, "Account A").get("error").isNull()).isTrue();
        assertThat(accountNamed(token, id, "Account B").get("error").asString()).isEqualTo("actionNeeded");
        assertThat(synced.json().get("state").isNull()).as("the connection is not stopped").isTrue();
    }

    /** A connection on the bank for a user of {@code token}, the login picking the bank's behaviour. */
    private long added(String token, String login) {
        TestApi.Response added = api.post("/users/me/connections").bearer(token)
                .json(Map.of("connector_uuid", OverlapBank.UUID_.toString(), "login", login)).send();
        assertThat(added.status()).as("%s", added).isEqualTo(200);
        return added.json().get("id").asLong();
    }

    private JsonNode accountNamed(String token, long connectionId, String name) {
        return StreamSupport.stream(api.get("/users/me/connections/" + connectionId + "/accounts?all").bearer(token)
                        .send().json().get("accounts").spliterator(), false)
                .filter(account -> account.get("name").asString().equals(name))
                .findFirst().orElseThrow();
    }
}
