package dev.passerelle.server.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.auth.TokenKind;
import dev.passerelle.server.auth.TokenService;
import dev.passerelle.server.auth.AuthSteps;
import dev.passerelle.server.clients.TestClient;
import dev.passerelle.server.support.AtOnce;
import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.TestApi;
import dev.passerelle.server.support.TestConnector;
import dev.passerelle.server.users.User;
import dev.passerelle.server.webhooks.WebhookReceiver.Received;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Deliveries to a real listener (docs/protocol.md §8.2–8.4). The background sender is slowed down
 * so that each test sends by calling it.
 */
@IntegrationTest
class WebhookDeliveryTest extends WebhookTestBase {


    @Autowired
    TokenService tokens;


    @Test
    void signatureVerifiesWithTheEndpointSecret() {
        String secret = register("/hooks/powens", "USER_CREATED").get("secret").asString();
        users.createPermanent(client.id());

        sender.sendDue();

        Received call = receiver.received().getFirst();
        assertThat(call.date()).endsWith("Z");
        assertThat(call.signature()).isEqualTo(hmac(secret, "POST./hooks/powens." + call.date() + "." + call.body()));
    }

    @Test
    void userCreatedCarriesTheUserAndAnIdWebhookData() {
        register("/hooks", "USER_CREATED");
        User user = users.createPermanent(client.id());

        sender.sendDue();

        JsonNode body = receiver.received().getFirst().json();
        assertThat(body.get("id").asLong()).isEqualTo(user.id());
        assertThat(body.has("signin")).isTrue();
        assertThat(body.get("id_webhook_data").isNumber()).isTrue();
    }

    @Test
    void eventsArriveInOrderWithDistinctIdWebhookData() {
        register("/hooks", "USER_CREATED,CONNECTION_SYNCED,CONNECTION_DELETED");
        User user = users.createPermanent(client.id());
        String token = tokens.issue(TokenKind.PERMANENT, user.id(), client.id()).token();
        long connection = addParConnection(token);
        sender.sendDue();
        api.delete("/users/me/connections/" + connection).bearer(token).send();

        sender.sendDue();

        List<JsonNode> bodies = receiver.received().stream().map(Received::json).toList();
        assertThat(bodies).hasSize(3);
        assertThat(bodies.get(0).get("id").asLong()).isEqualTo(user.id());
        assertThat(bodies.get(1).get("user").get("id").asLong()).isEqualTo(user.id());
        assertThat(bodies.get(1).get("connection").get("id").asLong()).isEqualTo(connection);
        assertThat(bodies.get(2).get("id").asLong()).isEqualTo(connection);
        assertThat(bodies.stream().map(b -> b.get("id_webhook_data").asLong()).toList()).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void aConnectionDeletedByManyRequestsAtOnceIsDeletedOnceAndAnnouncedOnce() throws Exception {
        register("/hooks", "CONNECTION_DELETED");
        String token = tokenOfANewUser();
        long connection = addParConnection(token);

        List<Integer> statuses = AtOnce.send(8, () ->
                api.delete("/users/me/connections/" + connection).bearer(token).send().status());

        sender.sendDue();

        assertThat(statuses).containsOnlyOnce(204).containsOnly(204, 404);
        assertThat(receiver.received()).extracting(Received::event).containsExactly("CONNECTION_DELETED");
    }

    @Test
    void everyCallNamesItsEventInAHeaderSoThatOneUrlCanReceiveSeveral() {
        register("/hooks/all", "USER_CREATED,USER_DELETED");
        User user = users.createPermanent(client.id());
        sender.sendDue();
        users.delete(user.id());

        sender.sendDue();

        assertThat(receiver.received()).extracting(Received::event).containsExactly("USER_CREATED", "USER_DELETED");
        assertThat(receiver.received()).extracting(Received::path).containsOnly("/hooks/all");
    }

    @Test
    void connectionSyncedCarriesTheEnabledAccounts() {
        register("/hooks", "CONNECTION_SYNCED");
        String token = tokenOfANewUser();
        long connection = addParConnection(token);
        long account = enableFirstAccount(token, connection);
        api.put("/users/me/connections/" + connection + "?psu_requested=true").bearer(token).send();

        sender.sendDue();

        JsonNode resynced = receiver.received().getLast().json();
        assertThat(resynced.get("connection").get("accounts").valueStream().map(a -> a.get("id").asLong()))
                .containsExactly(account);
    }

    @Test
    void connectionSyncedCarriesTheOperationsTheSyncInsertedOnEachEnabledAccount() {
        register("/hooks", "CONNECTION_SYNCED");
        String token = tokenOfANewUser();
        long connection = addParConnection(token);
        long account = enableFirstAccount(token, connection);
        List<Long> known = transactionIds(api.get("/users/me/transactions?limit=1000").bearer(token).send().json());
        clock.advance(Duration.ofDays(10));

        api.put("/users/me/connections/" + connection + "?psu_requested=true").bearer(token).send();
        sender.sendDue();

        JsonNode synced = receiver.received().getLast().json().get("connection").get("accounts").get(0);
        assertThat(synced.get("id").asLong()).isEqualTo(account);
        List<Long> inserted = transactionIds(synced);
        assertThat(known).isNotEmpty();
        assertThat(inserted).isNotEmpty().doesNotContainAnyElementsOf(known);
        assertThat(receiver.received().getFirst().json().get("connection").get("accounts").isEmpty()).isTrue();
    }

    @Test
    void connectionSyncedCarriesTheConnectorTheSourcesAndTheDocumentsTheSyncInsertedOnEachEnabledSubscription() {
        register("/hooks", "CONNECTION_SYNCED");
        String token = tokenOfANewUser();
        long connection = addParConnection(token);
        long subscription = api.get("/users/me/connections/" + connection + "/subscriptions?all").bearer(token).send()
                .json().get("subscriptions").get(0).get("id").asLong();
        api.put("/users/me/connections/" + connection + "/subscriptions/" + subscription + "?all").bearer(token)
                .json(Map.of("disabled", false)).send();
        List<Long> known = documentIds(api.get("/users/me/subscriptions/" + subscription + "/documents").bearer(token)
                .send().json());
        clock.advance(Duration.ofDays(45));

        api.put("/users/me/connections/" + connection + "?psu_requested=true").bearer(token).send();
        sender.sendDue();

        JsonNode synced = receiver.received().getLast().json().get("connection");
        assertThat(synced.get("connector").get("uuid").asString()).isEqualTo(TestConnector.UUID);
        assertThat(synced.get("sources").valueStream().map(s -> s.get("name").asString())).contains("directaccess");
        assertThat(synced.get("subscriptions").valueStream().map(s -> s.get("id").asLong())).containsExactly(subscription);
        assertThat(known).isNotEmpty();
        assertThat(documentIds(synced.get("subscriptions").get(0))).isNotEmpty().doesNotContainAnyElementsOf(known);
    }

    @Test
    void accountEnabledThenDisabledAreSentWithTheAccount() {
        register("/hooks", "ACCOUNT_ENABLED,ACCOUNT_DISABLED");
        String token = tokenOfANewUser();
        long connection = addParConnection(token);
        long account = enableFirstAccount(token, connection);
        api.post("/users/me/accounts/" + account + "?all").bearer(token).json(Map.of("disabled", true)).send();

        sender.sendDue();

        List<JsonNode> bodies = receiver.received().stream().map(Received::json).toList();
        assertThat(bodies).extracting(b -> b.get("id").asLong()).containsExactly(account, account);
        assertThat(bodies.get(0).get("disabled").isNull()).isTrue();
        assertThat(bodies.get(1).get("disabled").isNull()).isFalse();
    }

    @Test
    void userDeletedIsSentToTheClientTheUserBelongedTo() {
        register("/hooks", "USER_DELETED");
        User user = users.createPermanent(client.id());

        users.delete(user.id());
        sender.sendDue();

        assertThat(receiver.received()).singleElement()
                .satisfies(call -> assertThat(call.json().get("id").asLong()).isEqualTo(user.id()));
    }

    @Test
    void usersOfAnotherClientRaiseNothing() {
        register("/hooks", "USER_CREATED");

        users.createPermanent(TestClient.registerIn(clients).id());
        sender.sendDue();

        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void refusedDeliveryIsSentAgainOnceItsRetryTimeCame() {
        register("/hooks", "USER_CREATED");
        users.createPermanent(client.id());
        receiver.answerNext(500);
        sender.sendDue();
        sender.sendDue(); // not yet due again

        clock.advance(Duration.ofSeconds(31));
        sender.sendDue();

        List<Received> calls = receiver.received();
        assertThat(calls).hasSize(2);
        assertThat(calls.get(1).json().get("id_webhook_data")).isEqualTo(calls.get(0).json().get("id_webhook_data"));
    }

    @Test
    void deliveredEventIsNotSentTwice() {
        register("/hooks", "USER_CREATED");
        users.createPermanent(client.id());
        sender.sendDue();

        clock.advance(Duration.ofHours(1));
        sender.sendDue();

        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void endpointFailingTenTimesInARowIsLeftAloneUntilTheNextRun() {
        register("/hooks", "USER_CREATED");
        for (int i = 0; i < 12; i++) {
            users.createPermanent(client.id());
            receiver.answerNext(500);
        }

        sender.sendDue();

        assertThat(receiver.received()).hasSize(10);
    }

    private JsonNode register(String path, String events) {
        TestApi.Response response = api.post("/webhooks").bearer(AuthSteps.configToken(dataDirectory))
                .json(Map.of("url", receiver.url(path), "events", events, "id_client", client.id())).send();
        assertThat(response.status()).as("%s", response).isEqualTo(201);
        return response.json();
    }

    /** The permanent token of a new user of the test's client application. */
    private String tokenOfANewUser() {
        return tokens.issue(TokenKind.PERMANENT, users.createPermanent(client.id()).id(), client.id()).token();
    }

    private long addParConnection(String token) {
        TestApi.Response added = api.post("/users/me/connections").bearer(token).json(TestConnector.fields("par").map()).send();
        assertThat(added.status()).as("%s", added).isEqualTo(200);
        return added.json().get("id").asLong();
    }

    private long enableFirstAccount(String token, long connection) {
        long account = api.get("/users/me/connections/" + connection + "/accounts?all").bearer(token).send().json()
                .get("accounts").get(0).get("id").asLong();
        api.post("/users/me/accounts/" + account + "?all").bearer(token).json(Map.of("disabled", false)).send();
        return account;
    }

    private static List<Long> documentIds(JsonNode withDocuments) {
        return withDocuments.get("documents").valueStream().map(d -> d.get("id").asLong()).toList();
    }

    private static List<Long> transactionIds(JsonNode withTransactions) {
        return withTransactions.get("transactions").valueStream().map(t -> t.get("id").asLong()).toList();
    }

    /** What an integrator computes to check a call (docs/webhooks.md). */
    private static String hmac(String secret, String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
