package dev.passerelle.server.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.auth.AuthSteps;
import dev.passerelle.server.clients.ClientApplications;
import dev.passerelle.server.clients.TestClient;
import dev.passerelle.server.config.DataDirectory;
import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.TestApi;
import dev.passerelle.server.support.TestUsers;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** {@code /webhooks} with the config token (docs/protocol.md §8.1, §8.3). */
@IntegrationTest
class WebhookRegistrationTest {

    private static final String URL = "https://integrator.example.test/hooks";

    @Autowired
    TestApi api;
    @Autowired
    DataDirectory dataDirectory;
    @Autowired
    ClientApplications clients;
    @Autowired
    TestUsers users;
    @Autowired
    JdbcClient jdbc;

    TestClient client;
    String configToken;

    @BeforeEach
    void newClient() {
        client = TestClient.registerIn(clients);
        configToken = AuthSteps.configToken(dataDirectory);
    }

    @Test
    void registeringAnswers201WithTheSecretOnce() {
        TestApi.Response created = register(Map.of("url", URL, "events", "USER_CREATED, connection_synced", "id_client", client.id()));

        assertThat(created.status()).isEqualTo(201);
        JsonNode body = created.json();
        assertThat(body.get("url").asString()).isEqualTo(URL);
        assertThat(body.get("events").valueStream().map(JsonNode::asString)).containsExactly("USER_CREATED", "CONNECTION_SYNCED");
        assertThat(body.get("id_client").asLong()).isEqualTo(client.id());
        assertThat(body.get("secret").asString()).hasSizeGreaterThan(30);
    }

    @Test
    void listingNeverShowsTheSecret() {
        long id = register(Map.of("url", URL, "events", "USER_CREATED", "id_client", client.id())).json().get("id").asLong();

        JsonNode listed = api.get("/webhooks").bearer(configToken).send().json().get("webhooks");

        JsonNode mine = listed.valueStream().filter(w -> w.get("id").asLong() == id).findFirst().orElseThrow();
        assertThat(mine.has("secret")).as("%s", mine).isFalse();
    }

    @Test
    void secretIsStoredSealed() {
        JsonNode created = register(Map.of("url", URL, "events", "USER_CREATED", "id_client", client.id())).json();

        String stored = jdbc.sql("SELECT secret FROM webhook WHERE id = :id").param("id", created.get("id").asLong())
                .query(String.class).single();

        assertThat(stored).doesNotContain(created.get("secret").asString());
    }

    @Test
    void eventsMayBeAJsonArray() {
        TestApi.Response created = api.post("/webhooks").bearer(configToken).raw("application/json",
                "{\"url\":\"" + URL + "\",\"events\":[\"USER_DELETED\",\"ACCOUNT_ENABLED\"],\"id_client\":" + client.id() + "}").send();

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("events").valueStream().map(JsonNode::asString)).containsExactly("USER_DELETED", "ACCOUNT_ENABLED");
    }

    @Test
    void unknownEventIs400() {
        TestApi.Response refused = register(Map.of("url", URL, "events", "USER_SYNCED", "id_client", client.id()));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("code").asString()).isEqualTo("invalidValue");
    }

    @Test
    void relativeUrlIs400() {
        TestApi.Response refused = register(Map.of("url", "/hooks", "events", "USER_CREATED", "id_client", client.id()));

        assertThat(refused.status()).isEqualTo(400);
    }

    @Test
    void aUrlOfTwoThousandCharactersIsTheLongestAccepted() {
        String longest = URL + "/" + "a".repeat(WebhookTargets.MAX_URL_LENGTH - URL.length() - 1);

        assertThat(register(Map.of("url", longest, "events", "USER_CREATED", "id_client", client.id())).status())
                .isEqualTo(201);
        assertThat(register(Map.of("url", longest + "b", "events", "USER_CREATED", "id_client", client.id())))
                .satisfies(refused -> {
                    assertThat(refused.status()).isEqualTo(400);
                    assertThat(refused.json().get("code").asString()).isEqualTo("invalidValue");
                });
    }

    @Test
    void overlongEventsAndAuthAre400WithoutEchoingThem() {
        String junk = "X".repeat(5000);

        TestApi.Response events = register(Map.of("url", URL, "events", junk, "id_client", client.id()));
        TestApi.Response auth = register(Map.of("url", URL, "events", "USER_CREATED", "id_client", client.id(), "auth", junk));

        assertThat(events.status()).isEqualTo(400);
        assertThat(auth.status()).isEqualTo(400);
        assertThat(events.text()).doesNotContain(junk.substring(0, 100));
        assertThat(auth.text()).doesNotContain(junk.substring(0, 100));
    }

    @Test
    void unknownClientIs400() {
        TestApi.Response refused = register(Map.of("url", URL, "events", "USER_CREATED", "id_client", 1));

        assertThat(refused.status()).isEqualTo(400);
    }

    @Test
    void userTokenIsForbidden() {
        TestApi.Response refused = api.post("/webhooks").bearer(users.permanent().token())
                .json(Map.of("url", URL, "events", "USER_CREATED", "id_client", client.id())).send();

        assertThat(refused.status()).isEqualTo(403);
    }

    @Test
    void deletedWebhookIsGoneAndDeletingAgainIs404() {
        long id = register(Map.of("url", URL, "events", "USER_CREATED", "id_client", client.id())).json().get("id").asLong();

        assertThat(api.delete("/webhooks/" + id).bearer(configToken).send().status()).isEqualTo(204);
        assertThat(api.delete("/webhooks/" + id).bearer(configToken).send().status()).isEqualTo(404);
    }

    private TestApi.Response register(Map<String, ?> body) {
        return api.post("/webhooks").bearer(configToken).json(body).send();
    }
}
