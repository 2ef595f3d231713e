package dev.passerelle.server.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.TestApi;
import dev.passerelle.server.webhooks.WebhookReceiver.Received;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** How calls are authenticated (docs/protocol.md §8.3) and how an endpoint's secret is rotated. */
@IntegrationTest
class WebhookAuthTest extends WebhookTestBase {

    private static final Duration TOLERANCE = Duration.ofMinutes(5);



    @Test
    void bearerEndpointReceivesItsSecretAsBearerAndNoBiSignature() {
        String secret = register("bearer").get("secret").asString();

        Received call = sendOne();

        assertThat(call.authorization()).isEqualTo("Bearer " + secret);
        assertThat(call.signature()).isNull();
        assertThat(call.date()).isNull();
        assertThat(WebhookVerifier.timestamped(call.timestamped(), call.body(), secret, clock.instant(), TOLERANCE)).isTrue();
    }

    @Test
    void timestampedSignatureVerifiesWithTheSecretAndFailsWithAnotherOrWhenStale() {
        String secret = register("hmac").get("secret").asString();

        long before = clock.instant().getEpochSecond();
        Received call = sendOne();
        long after = clock.instant().getEpochSecond();

        assertThat(call.authorization()).isNull();
        // The second it was signed in, which a slow machine may see tick while the call is made.
        String signedAt = call.timestamped().substring("t=".length(), call.timestamped().indexOf(",v1="));
        assertThat(Long.parseLong(signedAt)).isBetween(before, after);
        assertThat(WebhookVerifier.timestamped(call.timestamped(), call.body(), secret, clock.instant(), TOLERANCE)).isTrue();
        assertThat(WebhookVerifier.timestamped(call.timestamped(), call.body(), "other", clock.instant(), TOLERANCE)).isFalse();
        assertThat(WebhookVerifier.timestamped(call.timestamped(), call.body() + " ", secret, clock.instant(), TOLERANCE)).isFalse();
        assertThat(WebhookVerifier.timestamped(call.timestamped(), call.body(), secret,
                clock.instant().plus(Duration.ofMinutes(6)), TOLERANCE)).isFalse();
        assertThat(WebhookVerifier.timestamped("t=abc,v1=zz", call.body(), secret, clock.instant(), TOLERANCE)).isFalse();
    }

    @Test
    void whenRotatedBothSecretsSignUntilTheOldOneIsRetired() {
        JsonNode hook = register("hmac");
        String old = hook.get("secret").asString();
        TestApi.Response rotated = admin.post("/webhooks/" + hook.get("id").asLong() + "/secrets", Map.of());
        assertThat(rotated.status()).as("%s", rotated).isEqualTo(201);
        String fresh = rotated.json().get("secret").asString();
        assertThat(rotated.json().get("previous_secret_expires").isNull()).isFalse();

        Received during = sendOne();
        assertThat(admin.delete("/webhooks/" + hook.get("id").asLong() + "/secrets/previous").status()).isEqualTo(204);
        Received after = sendOne();

        assertThat(WebhookVerifier.signatureCount(during.timestamped())).isEqualTo(2);
        assertThat(WebhookVerifier.timestamped(during.timestamped(), during.body(), old, clock.instant(), TOLERANCE)).isTrue();
        assertThat(WebhookVerifier.timestamped(during.timestamped(), during.body(), fresh, clock.instant(), TOLERANCE)).isTrue();
        assertThat(WebhookVerifier.biSignature(old, "/hooks", during.date(), during.body(), during.signature())).isTrue();
        assertThat(WebhookVerifier.signatureCount(after.timestamped())).isEqualTo(1);
        assertThat(WebhookVerifier.timestamped(after.timestamped(), after.body(), old, clock.instant(), TOLERANCE)).isFalse();
        assertThat(WebhookVerifier.biSignature(fresh, "/hooks", after.date(), after.body(), after.signature())).isTrue();
    }

    @Test
    void oldSecretStopsSigningAtItsExpiry() {
        JsonNode hook = register("hmac");
        String old = hook.get("secret").asString();
        String fresh = admin.post("/webhooks/" + hook.get("id").asLong() + "/secrets", Map.of("previous_expires_in", 60))
                .json().get("secret").asString();
        clock.advance(Duration.ofSeconds(61));

        Received call = sendOne();

        assertThat(WebhookVerifier.signatureCount(call.timestamped())).isEqualTo(1);
        assertThat(WebhookVerifier.timestamped(call.timestamped(), call.body(), fresh, clock.instant(), TOLERANCE)).isTrue();
        assertThat(WebhookVerifier.timestamped(call.timestamped(), call.body(), old, clock.instant(), TOLERANCE)).isFalse();
    }

    @Test
    void rotatingAgainWhileTheOldSecretStillSignsIsAConflict() {
        long id = register("hmac").get("id").asLong();
        admin.post("/webhooks/" + id + "/secrets", Map.of());

        TestApi.Response again = admin.post("/webhooks/" + id + "/secrets", Map.of());

        assertThat(again.status()).isEqualTo(409);
        assertThat(admin.delete("/webhooks/" + id + "/secrets/previous").status()).isEqualTo(204);
        assertThat(admin.delete("/webhooks/" + id + "/secrets/previous").status()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"9223372036854775807", "604801", "0", "-5", "1.5", "1e3", "soon", "99999999999999999999"})
    void anOverlapOutsideOneSecondToSevenDaysOrNotANumberIsRefusedAndRotatesNothing(String overlap) {
        JsonNode hook = register("hmac");

        TestApi.Response refused = admin.post("/webhooks/" + hook.get("id").asLong() + "/secrets",
                Map.of("previous_expires_in", overlap));

        assertThat(refused.status()).as("%s", refused).isEqualTo(400);
        assertThat(refused.json().get("code").asString()).isEqualTo("invalidValue");
        assertThat(admin.delete("/webhooks/" + hook.get("id").asLong() + "/secrets/previous").status())
                .as("no rotation started").isEqualTo(404);
    }

    @Test
    void anOverlapOfSevenDaysIsTheLongestAccepted() {
        JsonNode hook = register("hmac");

        TestApi.Response rotated = admin.post("/webhooks/" + hook.get("id").asLong() + "/secrets",
                Map.of("previous_expires_in", 7 * 24 * 3600));

        assertThat(rotated.status()).isEqualTo(201);
        assertThat(rotated.json().get("previous_secret_expires").isNull()).isFalse();
    }

    @Test
    void unknownAuthIsRefused() {
        TestApi.Response refused = admin.post("/webhooks", Map.of("url", receiver.url("/hooks"), "events", "USER_CREATED",
                "id_client", client.id(), "auth", "oauth"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("code").asString()).isEqualTo("invalidValue");
    }

    private JsonNode register(String auth) {
        JsonNode hook = admin.register(client.id(), receiver.url("/hooks"), "USER_CREATED", auth);
        assertThat(hook.get("auth").asString()).isEqualTo(auth);
        return hook;
    }

    /** Raises one USER_CREATED and answers the call it made. */
    private Received sendOne() {
        int before = receiver.received().size();
        users.createPermanent(client.id());
        sender.sendDue();
        assertThat(receiver.received()).hasSize(before + 1);
        return receiver.received().getLast();
    }
}
