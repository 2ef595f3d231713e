package dev.passerelle.server.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.TestApi;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the {@code /webhooks} answers look like on the wire (docs/webhooks.md): one value per name,
 * secrets never cached, the shared paging bounds, and failures logged in plain words.
 */
@IntegrationTest
class WebhookAnswersTest extends WebhookTestBase {

    /** A parser that refuses a name twice in one object, where most parsers silently keep the last value. */
    private static final JsonMapper STRICT = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private final List<Long> providers = new ArrayList<>();

    /** The providers are shared by every test on this database (WebhookAuthProvidersTest counts them): none is left. */
    @AfterEach
    void deleteTheProviders() {
        admin.get("/webhooks").json().get("webhooks").valueStream()
                .filter(hook -> hook.get("id_client").asLong() == client.id())
                .forEach(hook -> admin.delete("/webhooks/" + hook.get("id").asLong()));
        providers.forEach(id -> assertThat(admin.delete("/webhooks/auth/" + id).status()).isEqualTo(204));
    }

    private TestApi.Response provider(Map<String, ?> body) {
        TestApi.Response created = admin.post("/webhooks/auth", body);
        providers.add(created.json().get("id").asLong());
        return created;
    }

    @Test
    void everyWebhooksAnswerNamesEachFieldOnce() {
        TestApi.Response registered = admin.post("/webhooks", Map.of("url", receiver.url("/hooks"), "events", "USER_CREATED",
                "id_client", client.id()));
        long hook = registered.json().get("id").asLong();
        users.createPermanent(client.id());
        receiver.answerNext(503);
        sender.sendDue();
        TestApi.Response listed = admin.get("/webhooks/" + hook + "/deliveries");
        long delivery = listed.json().get("deliveries").get(0).get("id").asLong();
        TestApi.Response detail = admin.get("/webhooks/deliveries/" + delivery);

        List<TestApi.Response> answers = List.of(registered, listed, detail, admin.get("/webhooks"),
                admin.post("/webhooks/" + hook, Map.of("events", "USER_CREATED,USER_DELETED")),
                admin.post("/webhooks/" + hook + "/secrets", Map.of()),
                admin.post("/webhooks/deliveries/" + delivery + "/replay", Map.of()),
                admin.post("/webhooks/" + hook + "/test", Map.of("event", "USER_DELETED")),
                provider(Map.of("type", "hmac_signature", "name", "Shared key")),
                admin.get("/webhooks/auth"),
                admin.get("/webhooks/deliveries/987654321"));

        assertThat(answers).allSatisfy(answer ->
                assertThatCode(() -> STRICT.readTree(answer.bytes())).as("%s", answer).doesNotThrowAnyException());
        JsonNode strict = STRICT.readTree(detail.bytes());
        assertThat(strict.get("attempts").asInt()).isEqualTo(1);
        assertThat(strict.get("attempt_log").valueStream().map(a -> a.get("http_status").asInt())).containsExactly(503);
    }

    @Test
    void answersCarryingASecretAreNeverCached() {
        TestApi.Response registered = admin.post("/webhooks", Map.of("url", receiver.url("/hooks"), "events", "USER_CREATED",
                "id_client", client.id()));
        TestApi.Response rotated = admin.post("/webhooks/" + registered.json().get("id").asLong() + "/secrets", Map.of());
        TestApi.Response provider = provider(Map.of("type", "hmac_signature", "name", "Shared key"));

        assertThat(List.of(registered, rotated, provider)).allSatisfy(answer -> {
            assertThat(answer.status()).as("%s", answer).isEqualTo(201);
            assertThat(answer.header("Cache-Control")).as("%s", answer).isEqualTo("no-store");
            assertThat(answer.header("Pragma")).as("%s", answer).isEqualTo("no-cache");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "0", "1001", "5000"})
    void aDeliveriesLimitOutsideTheSharedBoundsIs400(String limit) {
        long hook = admin.register(client.id(), receiver.url("/hooks"), "USER_CREATED", "hmac").get("id").asLong();

        TestApi.Response refused = admin.get("/webhooks/" + hook + "/deliveries?limit=" + limit);

        assertThat(refused.status()).as("%s", refused).isEqualTo(400);
        assertThat(refused.json().get("code").asString()).isEqualTo("invalidValue");
        assertThat(refused.json().toString()).contains("'limit' must be between 1 and 1000");
    }

    @Test
    void aHostThatDoesNotResolveIsLoggedInPlainWords() {
        assertThat(lastErrorOf(admin.register(client.id(), "http://nowhere.invalid/hooks", "USER_CREATED", "hmac")))
                .isEqualTo("the URL's host does not resolve");
    }

    @Test
    void aRefusedConnectionIsLoggedInPlainWords() throws IOException {
        assertThat(lastErrorOf(admin.register(client.id(), closedUrl(), "USER_CREATED", "hmac")))
                .isEqualTo("connection refused");
    }

    @Test
    void anOAuthTokenEndpointThatCannotBeReachedIsLoggedInPlainWords() throws IOException {
        TestApi.Response provider = provider(Map.of("type", "oauth", "name", "Unreachable OAuth",
                "config", Map.of("url", closedUrl(), "client_id", "passerelle", "client_secret", "client-secret-9c1f")));
        TestApi.Response endpoint = admin.post("/webhooks", Map.of("url", receiver.url("/hooks"), "events", "USER_CREATED",
                "id_client", client.id(), "id_auth", provider.json().get("id").asLong()));

        assertThat(lastErrorOf(endpoint.json())).isEqualTo("OAuth token: connection refused");
    }

    private String lastErrorOf(JsonNode hook) {
        users.createPermanent(client.id());
        sender.sendDue();
        return admin.get("/webhooks/" + hook.get("id").asLong() + "/deliveries").json()
                .get("deliveries").get(0).get("last_error").asString();
    }

    /** A local URL where nothing listens: the port was free a moment ago. */
    private static String closedUrl() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/hooks";
        }
    }
}
