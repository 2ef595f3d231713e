package dev.passerelle.multiinstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The API of one instance, called as an integrator does (JDK HttpClient, JSON and form bodies). */
final class Api {

    /** A permanent user of the demo client and its token. */
    record User(long id, String token) {
    }

    static final String TEST_CONNECTOR = "338178e6-3d01-564f-9a7b-52ca442459bf";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final URI root;

    Api(ServerInstance instance) {
        this.root = instance.api();
    }

    /** {@code POST /auth/init} with the demo client's credentials: a new permanent user. */
    User newUser() {
        JsonNode token = send(request("/auth/init").POST(form(Map.of("client_id", String.valueOf(ClusterSettings.DEMO_CLIENT_ID),
                "client_secret", ClusterSettings.DEMO_CLIENT_SECRET))).header("Content-Type", FORM), 200);
        return new User(token.get("id_user").asLong(), token.get("auth_token").asString());
    }

    /**
     * Moves the user's own sandbox clock to midday UTC of the next day, so that the test connector,
     * whose data follow the day, shows the same day for the whole test whatever the real time is.
     * The offset lives in the database: every instance runs the user's work in that time.
     */
    void clockAtMidday(User user) {
        Instant now = Instant.now(); // a new user's time is the server's, which is the real time here
        Instant midday = now.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(36));
        send(request("/users/me/test/clock").header("Authorization", "Bearer " + user.token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                        Map.of("advance", Duration.between(now, midday).truncatedTo(ChronoUnit.SECONDS).toString())))),
                200);
    }

    /** Adds a connection to the test connector's {@code par} scenario (syncs OK, every 24 h); returns its id. */
    long addParConnection(User user) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("connector_uuid", TEST_CONNECTOR);
        body.put("login", "jdupont");
        body.put("password", "1234");
        body.put("directaccesswebsite", "par");
        return send(request("/users/me/connections").header("Authorization", "Bearer " + user.token())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))),
                200).get("id").asLong();
    }

    /** Consents to every account of the connection, which fetches their transactions. */
    void enableAllAccounts(User user, long connection) {
        JsonNode listed = send(request("/users/me/connections/" + connection + "/accounts?all")
                .header("Authorization", "Bearer " + user.token()).GET(), 200);
        String ids = StreamSupport.stream(listed.get("accounts").spliterator(), false)
                .map(account -> account.get("id").asString()).collect(Collectors.joining(","));
        send(request("/users/me/connections/" + connection + "/accounts/" + ids + "?all")
                .header("Authorization", "Bearer " + user.token()).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"disabled\": false}")), 200);
    }

    /** {@code POST /webhooks} with the config token, for the demo client's users. */
    void registerWebhook(String url, List<String> events) {
        send(request("/webhooks").header("Authorization", "Bearer " + ClusterSettings.CONFIG_TOKEN)
                .POST(form(Map.of("url", url, "events", String.join(",", events),
                        "id_client", String.valueOf(ClusterSettings.DEMO_CLIENT_ID)))).header("Content-Type", FORM), 201);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(root + path));
    }

    private static HttpRequest.BodyPublisher form(Map<String, String> fields) {
        return HttpRequest.BodyPublishers.ofString(fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")));
    }

    private static JsonNode send(HttpRequest.Builder builder, int expectedStatus) {
        HttpRequest request = builder.build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                throw new AssertionError(request.method() + " " + request.uri() + " answered " + response.statusCode()
                        + ": " + response.body());
            }
            return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
