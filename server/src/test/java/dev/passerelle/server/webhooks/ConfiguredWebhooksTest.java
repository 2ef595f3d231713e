package dev.passerelle.server.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.config.DataDirectory;
import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.TestApi;
import dev.passerelle.server.users.UserAccounts;
import dev.passerelle.server.webhooks.WebhookReceiver.Received;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** {@code passerelle.webhooks.endpoints[n]}: endpoints seeded at start, the same after a restart. */
@IntegrationTest
@TestPropertySource(properties = {
        "passerelle.demo-client.id=" + ConfiguredWebhooksTest.CLIENT})
class ConfiguredWebhooksTest {

    static final long CLIENT = 10_000_077L;
    static final String SECRET = "configured-secret-of-at-least-32-characters";

    private static final WebhookReceiver RECEIVER = new WebhookReceiver();

    @DynamicPropertySource
    static void endpoint(DynamicPropertyRegistry registry) {
        // a list binds from one property source: all of the element's keys are set here
        registry.add("passerelle.webhooks.endpoints[0].client-id", () -> CLIENT);
        registry.add("passerelle.webhooks.endpoints[0].url", () -> RECEIVER.url("/configured"));
        registry.add("passerelle.webhooks.endpoints[0].events", () -> "USER_CREATED,USER_DELETED");
        registry.add("passerelle.webhooks.endpoints[0].secret", () -> SECRET);
        registry.add("passerelle.webhooks.endpoints[0].auth", () -> "bearer");
    }

    @Autowired
    TestApi api;
    @Autowired
    DataDirectory dataDirectory;
    @Autowired
    ConfiguredWebhooks configured;
    @Autowired
    UserAccounts users;
    @Autowired
    WebhookSender sender;
    @Autowired
    WebhookEndpoints endpoints;

    @AfterAll
    static void stop() {
        RECEIVER.close();
    }

    @Test
    void configuredEndpointIsSeededOnceAcrossRestarts() {
        configured.onReady(); // what the next start does

        List<JsonNode> mine = configuredHooks();
        assertThat(mine).singleElement().satisfies(hook -> {
            assertThat(hook.get("id_client").asLong()).isEqualTo(CLIENT);
            assertThat(hook.get("auth").asString()).isEqualTo("bearer");
            assertThat(hook.get("events").valueStream().map(JsonNode::asString)).containsExactly("USER_CREATED", "USER_DELETED");
        });
    }

    @Test
    void configuredEndpointReceivesCallsWithTheConfiguredSecret() {
        users.createPermanent(CLIENT);

        sender.sendDue();

        Received call = RECEIVER.received().getLast();
        assertThat(call.path()).isEqualTo("/configured");
        assertThat(call.authorization()).isEqualTo("Bearer " + SECRET);
    }

    @Test
    void instancesSeedingTheSameEndpointAtOnceLeaveOneEndpoint() throws Exception {
        String url = RECEIVER.url("/seeded-at-once");
        int instances = 6;
        CyclicBarrier together = new CyclicBarrier(instances);
        try (ExecutorService starts = Executors.newFixedThreadPool(instances)) {
            List<Future<Webhook>> seeded = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                seeded.add(starts.submit(() -> {
                    together.await();
                    return endpoints.configure(CLIENT, url, Set.of(WebhookEvent.USER_CREATED), WebhookAuth.HMAC, SECRET);
                }));
            }
            for (Future<Webhook> one : seeded) {
                one.get();
            }
        }

        assertThat(new WebhookAdmin(api, dataDirectory).get("/webhooks").json().get("webhooks").valueStream()
                .filter(hook -> hook.get("url").asString().equals(url))).hasSize(1);
    }

    private List<JsonNode> configuredHooks() {
        return new WebhookAdmin(api, dataDirectory).get("/webhooks").json().get("webhooks").valueStream()
                .filter(hook -> hook.get("url").asString().equals(RECEIVER.url("/configured")))
                .toList();
    }
}
