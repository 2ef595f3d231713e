package dev.passerelle.server.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.TestApi;
import dev.passerelle.server.support.TestUsers;
import dev.passerelle.server.webhooks.WebhookReceiver.Received;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The delivery log and replays through the API (docs/protocol.md §8.1 logs, §8.2 {@code id_webhook_data}). */
@IntegrationTest
class WebhookDeliveryLogTest extends WebhookTestBase {

    @Autowired
    TestUsers testUsers;

    long hook;

    @BeforeEach
    void register() {
        hook = admin.register(client.id(), receiver.url("/hooks"), "USER_CREATED", "hmac").get("id").asLong();
    }

    @Test
    void everyAttemptIsLoggedWithItsAnswer() {
        users.createPermanent(client.id());
        receiver.answerNext(503);
        sender.sendDue();
        clock.advance(Duration.ofSeconds(31));
        sender.sendDue();

        JsonNode listed = admin.get("/webhooks/" + hook + "/deliveries").json();
        JsonNode delivery = listed.get("deliveries").get(0);
        assertThat(listed.get("total").asInt()).isEqualTo(1);
        assertThat(delivery.get("event").asString()).isEqualTo("USER_CREATED");
        assertThat(delivery.get("status").asString()).isEqualTo("delivered");
        assertThat(delivery.get("attempts").asInt()).isEqualTo(2);
        assertThat(delivery.get("last_status").asInt()).isEqualTo(200);
        assertThat(delivery.get("last_attempt").isNull()).isFalse();
        assertThat(delivery.get("last_error").isNull()).isTrue();
        JsonNode detail = admin.get("/webhooks/deliveries/" + delivery.get("id").asLong()).json();
        assertThat(detail.get("attempt_log").valueStream().map(a -> a.get("http_status").asInt())).containsExactly(503, 200);
        assertThat(detail.get("attempt_log").get(0).get("error").asString()).isEqualTo("HTTP 503");
    }

    @Test
    void failingDeliveryIsListedPendingWithItsLastError() {
        users.createPermanent(client.id());
        receiver.answerNext(500);
        sender.sendDue();

        JsonNode delivery = admin.get("/webhooks/" + hook + "/deliveries").json().get("deliveries").get(0);

        assertThat(delivery.get("status").asString()).isEqualTo("pending");
        assertThat(delivery.get("last_error").asString()).isEqualTo("HTTP 500");
        assertThat(delivery.get("last_status").asInt()).isEqualTo(500);
    }

    @Test
    void replaySendsTheDeliveryAgainWithTheSameIdWebhookData() {
        users.createPermanent(client.id());
        sender.sendDue();
        long delivery = receiver.received().getFirst().idWebhookData();

        TestApi.Response replayed = admin.post("/webhooks/deliveries/" + delivery + "/replay", Map.of());
        sender.sendDue();

        assertThat(replayed.status()).isEqualTo(202);
        assertThat(replayed.json().get("status").asString()).isEqualTo("pending");
        List<Received> calls = receiver.received();
        assertThat(calls).hasSize(2);
        assertThat(calls.get(1).idWebhookData()).isEqualTo(delivery);
        assertThat(calls.get(1).json().get("id")).isEqualTo(calls.get(0).json().get("id"));
        assertThat(admin.get("/webhooks/deliveries/" + delivery).json().get("attempt_log")).hasSize(2);
    }

    @Test
    void unknownDeliveryOrWebhookIs404() {
        assertThat(admin.post("/webhooks/deliveries/987654321/replay", Map.of()).status()).isEqualTo(404);
        assertThat(admin.get("/webhooks/987654321/deliveries").status()).isEqualTo(404);
    }

    @Test
    void userTokenMayNotReadTheLog() {
        TestApi.Response refused = api.get("/webhooks/" + hook + "/deliveries").bearer(testUsers.permanent().token()).send();

        assertThat(refused.status()).isEqualTo(403);
    }
}
