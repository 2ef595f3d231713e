package dev.passerelle.client;

import static dev.passerelle.client.support.PasserelleServer.DEMO_CLIENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.passerelle.client.WebhookStream.Delivery;
import dev.passerelle.client.model.Account;
import dev.passerelle.client.model.Webhook;
import dev.passerelle.client.model.WebhookDelivery;
import dev.passerelle.client.support.Integrators;
import dev.passerelle.client.webhooks.WebhookVerifier;
import dev.passerelle.client.webhooks.WebhookVerifier.Scheme;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code /webhooks…} with the config token, the listener stream, and the verifier on what the server really signed. */
class WebhooksTest {

    private static final String REMOTE = "https://hooks.example.test/powens/webhooks";

    private final Integrators integrators = new Integrators();
    private final WebhookService webhooks = integrators.admin().webhooks();

    @Test
    void endpointIsRegisteredListedRotatedAndDeleted() {
        Webhook registered = webhooks.register(DEMO_CLIENT, REMOTE, List.of("CONNECTION_SYNCED", "USER_DELETED"), "hmac");

        assertThat(registered.secret()).hasSizeGreaterThan(30);
        assertThat(registered.toString()).doesNotContain(registered.secret());
        assertThat(webhooks.list()).filteredOn(w -> w.id() == registered.id()).singleElement()
                .satisfies(w -> {
                    assertThat(w.secret()).isNull();
                    assertThat(w.events()).containsExactly("CONNECTION_SYNCED", "USER_DELETED");
                    assertThat(w.listener()).isFalse();
                });

        Webhook rotated = webhooks.rotateSecret(registered.id(), Duration.ofHours(1));
        assertThat(rotated.secret()).isNotEqualTo(registered.secret());
        assertThat(rotated.previousSecretExpires()).isNotNull();
        assertThatThrownBy(() -> webhooks.rotateSecret(registered.id(), Duration.ofHours(1)))
                .isInstanceOf(ConflictException.class);
        webhooks.retirePreviousSecret(registered.id());
        assertThatThrownBy(() -> webhooks.retirePreviousSecret(registered.id())).isInstanceOf(NotFoundException.class);

        webhooks.delete(registered.id());

        assertThat(webhooks.list()).extracting(Webhook::id).doesNotContain(registered.id());
    }

    @Test
    void testEventIsQueuedLoggedAndReplayable() {
        Webhook registered = webhooks.register(DEMO_CLIENT, REMOTE, List.of("USER_CREATED"), "bearer");

        WebhookDelivery queued = webhooks.sendTestEvent(registered.id(), "ACCOUNT_SYNCED");

        assertThat(queued.event()).isEqualTo("ACCOUNT_SYNCED");
        assertThat(queued.status()).isEqualTo("pending");
        assertThat(webhooks.deliveries(registered.id(), 10)).extracting(WebhookDelivery::id).containsExactly(queued.id());
        assertThat(webhooks.delivery(queued.id()).idWebhook()).isEqualTo(registered.id());
        assertThat(webhooks.replay(queued.id()).status()).isEqualTo("pending");
        assertThatThrownBy(() -> webhooks.sendTestEvent(registered.id(), "NOPE")).isInstanceOf(InvalidRequestException.class);
        webhooks.delete(registered.id());
    }

    @Test
    void listenerStreamCarriesSignedCallsThatTheVerifierAccepts() throws Exception {
        try (WebhookStream stream = webhooks.listen(DEMO_CLIENT, "http://localhost:3999/hooks/local", List.of(), "hmac")) {
            Webhook endpoint = stream.endpoint();
            assertThat(endpoint.listener()).isTrue();

            webhooks.sendTestEvent(endpoint.id(), "ACCOUNT_SYNCED");
            Delivery delivery = next(stream);

            assertThat(delivery.event()).isEqualTo("ACCOUNT_SYNCED");
            byte[] body = delivery.body().getBytes(StandardCharsets.UTF_8);
            String path = URI.create(delivery.url()).getPath();
            assertThat(WebhookVerifier.of(endpoint.secret()).verify(path, delivery.headers(), body))
                    .isEqualTo(Scheme.PASSERELLE_SIGNATURE);
            WebhookVerifier.of(endpoint.secret()).verifyBiSignature(path, delivery.headers().get("BI-Signature-Date").getFirst(),
                    delivery.headers().get("BI-Signature").getFirst(), body);
            Account account = Wire.json().readValue(body, Account.class);
            assertThat(account.transactions()).isNotEmpty();

            // logged delivered once the stream took it, a moment after we may read it; then replayed
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> webhooks.delivery(delivery.idWebhookData()).status().equals("delivered"));
            webhooks.replay(delivery.idWebhookData());
            assertThat(next(stream).idWebhookData()).isEqualTo(delivery.idWebhookData());
        }
    }

    @Test
    void realEventOfAUserReachesTheListener() throws Exception {
        try (WebhookStream stream = webhooks.listen(DEMO_CLIENT, "http://localhost:3999/hooks/users",
                List.of("USER_DELETED"), "bearer")) {
            Passerelle user = integrators.newUser();
            long id = user.me().get().id();
            user.me().delete();

            Delivery delivery = next(stream);

            assertThat(delivery.event()).isEqualTo("USER_DELETED");
            assertThat(Wire.json().readTree(delivery.body()).get("id").asLong()).isEqualTo(id);
            assertThat(WebhookVerifier.of(stream.endpoint().secret()).verify("/hooks/users", delivery.headers(),
                    delivery.body().getBytes(StandardCharsets.UTF_8))).isEqualTo(Scheme.PASSERELLE_SIGNATURE);
            assertThat(delivery.headers().get("Authorization")).containsExactly("Bearer " + stream.endpoint().secret());
        }
    }

    @Test
    void listeningNeedsTheConfigToken() {
        assertThatThrownBy(() -> integrators.newUser().webhooks().listen(DEMO_CLIENT, "http://localhost:3999/x",
                List.of(), null)).isInstanceOfSatisfying(PermissionException.class,
                e -> assertThat(e.code()).isEqualTo("forbidden"));
    }

    private static Delivery next(WebhookStream stream) throws Exception {
        return CompletableFuture.supplyAsync(() -> stream.next().orElseThrow()).get(30, TimeUnit.SECONDS);
    }
}
