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
 * An account activation calls the connector (its post-activation hook, then the account's data)
 * under the connection's lease, as steps and syncs do: it never runs at the same time as a sync of
 * that connection, which the {@link OverlapBank} would notice. A sync held at the bank keeps the
 * activation waiting (up to {@code passerelle.connections.resume-wait}, 2 s in tests); the sync then
 * fetches the newly active account itself.
 */
@IntegrationTest
@Import(HandWrittenBanksConfig.class)
class ActivationLeaseTest {

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
        TestApi.Response added = api.post("/users/me/connections").bearer(token)
                .json(Map.of("connector_uuid", OverlapBank.UUID_.toString(), "login", "jdupont")).send();
        assertThat(added.status()).as("%s", added).isEqualTo(200);
        long id = added.json().get("id").asLong();
        long b = StreamSupport.stream(api.get("/users/me/connections/" + id + "/accounts?all").bearer(token).send()
                        .json().get("accounts").spliterator(), false)
                .filter(account -> account.get("name").asString().equals("Account B"))
                .findFirst().orElseThrow().get("id").asLong();
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
}
