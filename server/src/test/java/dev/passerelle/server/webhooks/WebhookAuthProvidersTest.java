package dev.passerelle.server.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.TestApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** {@code /webhooks/auth} (§8.3): providers that authenticate the calls of the endpoints referring to them. */
@IntegrationTest
class WebhookAuthProvidersTest extends WebhookTestBase {

    @Autowired
    JdbcClient jdbc;

    private AuthorizationServer authorizationServer;

    @BeforeEach
    void startTheAuthorizationServer() {
        authorizationServer = new AuthorizationServer();
    }

    @AfterEach
    void stopTheAuthorizationServer() {
        authorizationServer.close();
    }

    private JsonNode provider(Map<String, ?> body) {
        TestApi.Response response = admin.post("/webhooks/auth", body);
        assertThat(response.status()).as("%s", response).isEqualTo(201);
        return response.json();
    }

    private JsonNode endpointWith(long provider) {
        TestApi.Response response = admin.post("/webhooks", Map.of("url", receiver.url("/hooks"), "events", "USER_CREATED",
                "id_client", client.id(), "id_auth", provider));
        assertThat(response.status()).as("%s", response).isEqualTo(201);
        return response.json();
    }

    private Map<String, ?> oauth(String url) {
        return Map.of("type", "oauth", "name", "Integrator OAuth",
                "config", Map.of("url", url, "client_id", "passerelle", "client_secret", "client-secret-9c1f",
                        "grant_type", "client_credentials", "scope", "webhooks"));
    }

    @Test
    void anHmacProvidersKeyShownOnceSignsTheCallsOfItsEndpoints() {
        JsonNode provider = provider(Map.of("type", "hmac_signature", "name", "Shared key"));
        String key = provider.get("config").get("secret_key").asString();
        JsonNode endpoint = endpointWith(provider.get("id").asLong());

        users.createPermanent(client.id());
        sender.sendDue();

        WebhookReceiver.Received call = receiver.received().getFirst();
        assertThat(WebhookVerifier.biSignature(key, call.path(), call.date(), call.body(), call.signature())).isTrue();
        assertThat(WebhookVerifier.biSignature(endpoint.get("secret").asString(), call.path(), call.date(), call.body(),
                call.signature())).isFalse();
        assertThat(endpoint.get("id_auth").asLong()).isEqualTo(provider.get("id").asLong());
        assertThat(admin.get("/webhooks/auth").json().get("authproviders").get(0).get("config").has("secret_key")).isFalse();
    }

    @Test
    void anOAuthProviderFetchesATokenOnceAndSendsItAsTheBearer() {
        JsonNode provider = provider(oauth(authorizationServer.url()));
        endpointWith(provider.get("id").asLong());

        users.createPermanent(client.id());
        users.createPermanent(client.id());
        sender.sendDue();

        assertThat(receiver.received()).hasSize(2).allMatch(call -> "Bearer token-for-passerelle".equals(call.authorization()));
        assertThat(authorizationServer.requests()).hasSize(1);
        assertThat(authorizationServer.requests().getFirst())
                .isEqualTo("Basic " + Base64.getEncoder().encodeToString("passerelle:client-secret-9c1f".getBytes())
                        + " grant_type=client_credentials&scope=webhooks");
        JsonNode shown = admin.get("/webhooks/auth/" + provider.get("id").asLong()).json();
        assertThat(shown.get("config").get("client_id").asString()).isEqualTo("passerelle");
        assertThat(shown.toString()).doesNotContain("client-secret-9c1f");
        assertThat(jdbc.sql("SELECT config FROM webhook_auth_provider").query(String.class).list())
                .noneMatch(config -> config.contains("client-secret-9c1f"));
    }

    @Test
    void aRefusedTokenFailsTheAttemptWithTheReasonAndTheDeliveryIsRetried() {
        authorizationServer.refuse();
        endpointWith(provider(oauth(authorizationServer.url())).get("id").asLong());

        users.createPermanent(client.id());
        sender.sendDue();

        assertThat(receiver.received()).isEmpty();
        Map<String, Object> delivery = jdbc.sql("SELECT last_error, next_attempt FROM webhook_delivery ORDER BY id DESC")
                .query().listOfRows().getFirst();
        assertThat(delivery.get("last_error")).isEqualTo("OAuth token: HTTP 401");
        assertThat(delivery.get("next_attempt")).isNotNull();
    }

    @Test
    void aProviderInUseCannotBeDeletedUntilItsEndpointsLeaveIt() {
        long provider = provider(Map.of("type", "hmac_signature", "name", "In use")).get("id").asLong();
        long endpoint = endpointWith(provider).get("id").asLong();

        assertThat(admin.delete("/webhooks/auth/" + provider).status()).isEqualTo(409);
        assertThat(admin.delete("/webhooks/auth").status()).as("deleting them all").isEqualTo(409);
        TestApi.Response left = admin.post("/webhooks/" + endpoint, Map.of("id_auth", ""));
        assertThat(left.status()).as("%s", left).isEqualTo(200);
        assertThat(left.json().get("id_auth").isNull()).isTrue();
        assertThat(admin.delete("/webhooks/auth/" + provider).status()).isEqualTo(204);
        assertThat(admin.get("/webhooks/auth/" + provider).status()).isEqualTo(404);
    }

    @Test
    void providersAndEndpointsAreAuditedWithoutTheirSecrets() {
        JsonNode provider = provider(oauth(authorizationServer.url()));
        long id = provider.get("id").asLong();
        admin.post("/webhooks/auth/" + id, Map.of("name", "Renamed", "config", Map.of("client_secret", "rotated-secret-77")));
        JsonNode endpoint = endpointWith(id);

        JsonNode logs = admin.get("/config/logs?search=webhook").json().get("configlogs");

        assertThat(logs.findValuesAsString("key")).contains("webhooks.auth." + id, "webhooks.auth." + id + ".client_secret",
                "webhook." + endpoint.get("id").asLong());
        assertThat(logs.toString()).doesNotContain("client-secret-9c1f").doesNotContain("rotated-secret-77")
                .doesNotContain(endpoint.get("secret").asString());
    }

    @Test
    void badProvidersAreClearErrors() {
        Map<Map<String, ?>, Integer> refused = Map.of(
                Map.of("type", "token", "name", "x"), 400,
                Map.of("type", "hmac_signature"), 400,
                Map.of("type", "hmac_signature", "name", "x", "config", Map.of("secret_key", "mine")), 400,
                Map.of("type", "oauth", "name", "x", "config", Map.of("url", authorizationServer.url(), "client_id", "a")), 400,
                Map.of("type", "oauth", "name", "x", "config", Map.of("url", "https://a.example/t", "client_id", "a",
                        "client_secret", "b", "grant_type", "password")), 400,
                Map.of("type", "oauth", "name", "x", "config", Map.of("url", "https://a.example/t", "client_id", "a",
                        "client_secret", "b", "audience", "c")), 400);

        refused.forEach((body, status) -> {
            TestApi.Response response = admin.post("/webhooks/auth", body);
            assertThat(response.status()).as("%s → %s", body, response).isEqualTo(status);
        });
        assertThat(admin.get("/webhooks/auth").json().get("total").asInt()).isZero();
        assertThat(admin.post("/webhooks", Map.of("url", receiver.url("/hooks"), "events", "USER_CREATED",
                "id_client", client.id(), "id_auth", 424242)).status()).isEqualTo(400);
        assertThat(admin.delete("/webhooks/auth/424242").status()).isEqualTo(404);
    }

    /** The integrator's OAuth 2.0 authorisation server: issues one token, or refuses. */
    static final class AuthorizationServer implements AutoCloseable {

        private final HttpServer server;
        private final List<String> requests = new CopyOnWriteArrayList<>();
        private volatile boolean refusing;

        AuthorizationServer() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/oauth/token", exchange -> {
                requests.add(exchange.getRequestHeaders().getFirst("Authorization") + " "
                        + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                byte[] answer = "{\"access_token\":\"token-for-passerelle\",\"token_type\":\"Bearer\",\"expires_in\":3600}"
                        .getBytes(StandardCharsets.UTF_8);
                if (refusing) {
                    exchange.sendResponseHeaders(401, -1);
                } else {
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, answer.length);
                    exchange.getResponseBody().write(answer);
                }
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/oauth/token";
        }

        void refuse() {
            refusing = true;
        }

        List<String> requests() {
            return List.copyOf(requests);
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
