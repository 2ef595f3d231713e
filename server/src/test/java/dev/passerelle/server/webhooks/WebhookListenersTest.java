package dev.passerelle.server.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.passerelle.server.auth.AuthSteps;
import dev.passerelle.server.support.IntegrationTest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /webhooks/listen} and {@code POST /webhooks/{id}/test}: what {@code passerelle webhooks
 * listen} and {@code trigger} stand on. A stream is read as the CLI reads it, over real HTTP.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class WebhookListenersTest extends WebhookTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Duration wait = Duration.ofSeconds(20);
    private Stream stream;

    /** One open stream: its events as they come ({@code event} name and {@code data}). */
    private record Event(String name, JsonNode data) {
    }

    private final class Stream implements AutoCloseable {
        private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        private final InputStream body;

        Stream(String query) throws IOException, InterruptedException {
            HttpResponse<InputStream> response = HTTP.send(HttpRequest.newBuilder(
                            URI.create(api.base() + "/webhooks/listen?" + query))
                    .header("Authorization", "Bearer " + AuthSteps.configToken(dataDirectory))
                    .header("Accept", "text/event-stream, application/json").build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/event-stream"));
            assertThat(response.headers().firstValue("Cache-Control")).as("its ready event carries the secret")
                    .hasValue("no-store");
            body = response.body();
            Thread.ofVirtual().start(this::read);
        }

        private void read() {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                String name = null;
                StringBuilder data = new StringBuilder();
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith("event:")) {
                        name = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5).strip());
                    } else if (line.isEmpty() && name != null) {
                        events.add(new Event(name, JSON.readTree(data.toString())));
                        name = null;
                        data.setLength(0);
                    }
                }
            } catch (IOException closed) {
                // the test closed the stream
            }
        }

        Event next() throws InterruptedException {
            Event event = events.poll(wait.toSeconds(), TimeUnit.SECONDS);
            assertThat(event).as("an event within %s", wait).isNotNull();
            return event;
        }

        @Override
        public void close() throws IOException {
            body.close();
        }
    }

    @AfterEach
    void closeStream() throws IOException {
        if (stream != null) {
            stream.close();
        }
    }

    private String query(String url, String events) {
        return "id_client=" + client.id() + "&url=" + URLEncoder.encode(url, StandardCharsets.UTF_8)
                + (events == null ? "" : "&events=" + events);
    }

    @Test
    void streamStartsWithTheListenerEndpointAndItsSecret() throws Exception {
        stream = new Stream(query(receiver.url("/hooks/local"), "USER_CREATED"));

        Event ready = stream.next();

        assertThat(ready.name()).isEqualTo("ready");
        assertThat(ready.data().get("listener").asBoolean()).isTrue();
        assertThat(ready.data().get("listening").asBoolean()).isTrue();
        assertThat(ready.data().get("url").asString()).isEqualTo(receiver.url("/hooks/local"));
        assertThat(ready.data().get("secret").asString()).hasSizeGreaterThan(30);
        assertThat(ready.data().get("events").valueStream().map(JsonNode::asString)).containsExactly("USER_CREATED");
    }

    @Test
    void listeningAgainKeepsTheEndpointAndItsSecret() throws Exception {
        JsonNode first;
        try (Stream once = new Stream(query(receiver.url("/hooks/local"), null))) {
            first = once.next().data();
        }
        stream = new Stream(query(receiver.url("/hooks/local"), "USER_DELETED"));

        JsonNode again = stream.next().data();

        assertThat(again.get("id").asLong()).isEqualTo(first.get("id").asLong());
        assertThat(again.get("secret").asString()).isEqualTo(first.get("secret").asString());
        assertThat(again.get("events").valueStream().map(JsonNode::asString)).containsExactly("USER_DELETED");
    }

    @Test
    void eventComesThroughTheStreamSignedForTheLocalUrlAndIsNeverPostedByTheServer() throws Exception {
        stream = new Stream(query(receiver.url("/hooks/local"), "USER_CREATED"));
        String secret = stream.next().data().get("secret").asString();
        long user = users.createPermanent(client.id()).id();

        JsonNode delivery = stream.next().data();
        sender.sendDue();

        assertThat(delivery.get("event").asString()).isEqualTo("USER_CREATED");
        assertThat(delivery.get("url").asString()).isEqualTo(receiver.url("/hooks/local"));
        String body = delivery.get("body").asString();
        assertThat(JSON.readTree(body).get("id").asLong()).isEqualTo(user);
        assertThat(JSON.readTree(body).get("id_webhook_data").asLong()).isEqualTo(delivery.get("id_webhook_data").asLong());
        JsonNode headers = delivery.get("headers");
        assertThat(WebhookVerifier.timestamped(headers.get("Passerelle-Signature").get(0).asString(), body, secret,
                Instant.now(), Duration.ofMinutes(5))).isTrue();
        assertThat(WebhookVerifier.biSignature(secret, "/hooks/local", headers.get("BI-Signature-Date").get(0).asString(),
                body, headers.get("BI-Signature").get(0).asString())).isTrue();
        assertThat(receiver.received()).as("the server posts nothing to a listener endpoint").isEmpty();
        // marked once the stream took it, a moment after the CLI may already read it
        await().atMost(wait).untilAsserted(() -> assertThat(admin.get("/webhooks/deliveries/"
                + delivery.get("id_webhook_data").asLong()).json().get("status").asString()).isEqualTo("delivered"));
    }

    @Test
    void testEventReachesTheListenerWithTheSampleBodyOfThatEvent() throws Exception {
        stream = new Stream(query(receiver.url("/hooks/local"), "USER_CREATED"));
        long endpoint = stream.next().data().get("id").asLong();

        TestEventAnswer answer = trigger(endpoint, "account_synced");
        JsonNode delivery = stream.next().data();

        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.json().get("event").asString()).isEqualTo("ACCOUNT_SYNCED");
        assertThat(delivery.get("id_webhook_data").asLong()).isEqualTo(answer.json().get("id").asLong());
        JsonNode body = JSON.readTree(delivery.get("body").asString());
        assertThat(body.get("transactions").isArray()).isTrue();
        assertThat(body.get("last_update").asString()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
    }

    @Test
    void testEventOfAPostedEndpointIsSentByTheSender() {
        JsonNode hook = admin.register(client.id(), receiver.url("/hooks/posted"), "USER_CREATED", "hmac");

        assertThat(trigger(hook.get("id").asLong(), "CONNECTION_DELETED").status()).isEqualTo(202);
        sender.sendDue();

        assertThat(receiver.received()).singleElement()
                .satisfies(call -> assertThat(call.json().get("connector_uuid").isString()).isTrue());
    }

    @Test
    void testEventNeedsOneKnownEventAndAnEndpoint() {
        JsonNode hook = admin.register(client.id(), receiver.url("/hooks/posted"), "USER_CREATED", "hmac");

        assertThat(trigger(hook.get("id").asLong(), "NOT_AN_EVENT").json().get("code").asString()).isEqualTo("invalidValue");
        assertThat(trigger(hook.get("id").asLong(), "USER_CREATED,USER_DELETED").status()).isEqualTo(400);
        assertThat(admin.post("/webhooks/" + hook.get("id").asLong() + "/test", Map.of()).json().get("code").asString())
                .isEqualTo("missingParameter");
        assertThat(trigger(Long.MAX_VALUE, "USER_CREATED").status()).isEqualTo(404);
    }

    @Test
    void nothingIsQueuedForAListenerEndpointOnceItsStreamClosed(CapturedOutput output) throws Exception {
        long endpoint;
        try (Stream once = new Stream(query(receiver.url("/hooks/local"), "USER_CREATED"))) {
            endpoint = once.next().data().get("id").asLong();
        }

        // The server learns that a stream closed when it next writes to it: a delivery or the heartbeat.
        await().atMost(wait).until(() -> !queuesFor(endpoint));

        assertThat(queuesFor(endpoint)).isFalse();
        assertThat(admin.get("/webhooks").json().get("webhooks").valueStream()
                .filter(hook -> hook.get("id").asLong() == endpoint)).singleElement()
                .satisfies(hook -> assertThat(hook.get("listening").asBoolean()).isFalse());
        assertThat(output.getAll()).as("a CLI that went away is no fault of ours")
                .doesNotContain("Unexpected failure").doesNotContain(" ERROR ");
    }

    @Test
    void listeningNeedsTheConfigTokenAndTheEndpointsName() throws Exception {
        String userToken = api.post("/auth/init").form(client.credentials()).send().json().get("auth_token").asString();
        HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(URI.create(api.base() + "/webhooks/listen?"
                                + query(receiver.url("/hooks/local"), null)))
                        .header("Authorization", "Bearer " + userToken)
                        .header("Accept", "text/event-stream, application/json").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(refused.body()).get("code").asString()).isEqualTo("forbidden");
        assertThat(admin.get("/webhooks/listen?id_client=" + client.id()).json().get("code").asString())
                .isEqualTo("missingParameter");
        assertThat(admin.get("/webhooks/listen?id_client=" + client.id() + "&url=ftp://x").json().get("code").asString())
                .isEqualTo("invalidValue");
    }

    private record TestEventAnswer(int status, JsonNode json) {
    }

    private TestEventAnswer trigger(long endpoint, String event) {
        var response = admin.post("/webhooks/" + endpoint + "/test", Map.of("event", event));
        return new TestEventAnswer(response.status(), response.json());
    }

    /** Whether a new user of the client gets a delivery queued for the endpoint. */
    private boolean queuesFor(long endpoint) {
        int before = admin.get("/webhooks/" + endpoint + "/deliveries").json().get("total").asInt();
        users.createPermanent(client.id());
        return admin.get("/webhooks/" + endpoint + "/deliveries").json().get("total").asInt() > before;
    }
}
