package dev.passerelle.server.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.TestApi;
import dev.passerelle.server.support.TestUsers;
import dev.passerelle.server.support.TestUsers.TestUser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A seeded fuzz run over every route the server maps: thousands of malformed, mistyped, foreign and
 * hostile requests (see {@link RequestGenerator}), with and without valid tokens. Every answer is
 * below 500, every error is the protocol's envelope (HTML only on pages for browsers), no body
 * shows a stack trace or an exception class, and the data of a user the fuzzer does not hold a
 * token of is exactly as before. {@code -Dpasserelle.fuzz.requests=100000} and
 * {@code -Dpasserelle.fuzz.seed=...} scale and vary it (docs/reliability.md).
 */
@IntegrationTest
class FuzzTest {

    static final String SERVER_ERROR = "status >= 500";
    static final String STACK_TRACE = "stack trace or exception class in the body";
    static final String NOT_AN_ENVELOPE = "error outside the envelope";
    static final String NO_ANSWER = "connection closed without an answer";
    static final String TEST_CONNECTOR = "338178e6-3d01-564f-9a7b-52ca442459bf";
    private static final List<String> TRACE_MARKERS = List.of("Exception", "\tat ", "at java.", "java.lang.",
            "org.springframework.", "org.apache.", "dev.passerelle.", "tools.jackson.", "com.nimbusds.", "org.h2.");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int SENDERS = 4;

    @Autowired
    TestApi api;
    @Autowired
    TestUsers users;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void noRequestBreaksTheServerOrAnotherUsersData() throws Exception {
        long seed = Long.getLong("passerelle.fuzz.seed", 20_261_206L);
        int requests = Integer.getInteger("passerelle.fuzz.requests", 3_000);
        TestUser victim = seeded(users.permanent());
        List<TestUser> attackers = List.of(seeded(users.permanent()), seeded(users.permanent()), users.permanent());
        String before = snapshot(victim);
        List<Route> routes = Route.discover(mapping);
        Junk junk = new Junk(new Random(seed), ids(attackers), ids(List.of(victim)));
        RequestGenerator generator = new RequestGenerator(junk, routes, bearers(attackers, junk));

        FuzzReport report = new FuzzReport();
        long started = System.nanoTime();
        run(generator, routes, requests, report);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        String summary = report.summary(seed, took);
        System.out.println(summary);
        Path out = Path.of("target", "fuzz-report.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, summary + "\n");
        assertThat(routes).as("routes discovered").hasSizeGreaterThan(40)
                .extracting(Route::pattern).as("the OpenAPI document and its page, mapped by springdoc")
                .contains("/openapi.json", "/openapi");
        assertThat(report.defects()).as(summary).isEmpty();
        assertThat(snapshot(victim)).as("the victim's data").isEqualTo(before);
    }

    private void run(RequestGenerator generator, List<Route> routes, int requests, FuzzReport report) throws Exception {
        AtomicLong left = new AtomicLong(requests);
        try (ExecutorService senders = Executors.newFixedThreadPool(SENDERS)) {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < SENDERS; i++) {
                running.add(senders.submit(() -> {
                    while (left.getAndDecrement() > 0) {
                        FuzzRequest request;
                        synchronized (generator) {
                            request = generator.next();
                        }
                        send(request, report);
                    }
                    return null;
                }));
            }
            for (Future<?> sender : running) {
                sender.get();
            }
        }
    }

    private void send(FuzzRequest request, FuzzReport report) throws InterruptedException {
        if (!request.raw() && answered(request, report)) {
            return;
        }
        StringBuilder head = new StringBuilder(request.method() + " " + request.root() + request.target() + " "
                + request.version() + "\r\nHost: localhost");
        request.headers().forEach((name, value) -> head.append("\r\n").append(name).append(": ").append(value));
        head.append("\r\nContent-Length: ").append(request.body().length);
        TestApi.RawResponse response = api.raw(head.toString(), request.body(), Duration.ofSeconds(30));
        report.record(request, response.status(), response.status() < 0 ? List.of(NO_ANSWER)
                : defects(request, response.status(), response.header("Content-Type"), response.body()));
    }

    /**
     * Sends {@code request} with the HTTP client and records the answer. False when the connection
     * closed without one: a server refusing a request head may answer and close before the client
     * finished writing, which the client cannot read; the caller resends it over a plain socket.
     */
    private boolean answered(FuzzRequest request, FuzzReport report) throws InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(api.base() + request.target()))
                .timeout(Duration.ofSeconds(30))
                .method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(builder::header);
        HttpResponse<byte[]> response;
        try {
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            return false;
        }
        String body = new String(response.body(), StandardCharsets.UTF_8);
        int status = response.statusCode();
        report.record(request, status, defects(request, status, response.headers().firstValue("Content-Type").orElse(null), body));
        return true;
    }

    private static List<String> defects(FuzzRequest request, int status, String contentType, String body) {
        List<String> found = new ArrayList<>();
        if (status >= 500) {
            found.add(SERVER_ERROR);
        }
        if (TRACE_MARKERS.stream().anyMatch(body::contains)) {
            found.add(STACK_TRACE);
        }
        if (status >= 400 && !isEnvelope(contentType, body) && !request.route().ownErrorFormat()
                && !(body.isEmpty() && request.method().equals("HEAD"))) {
            found.add(NOT_AN_ENVELOPE);
        }
        return found;
    }

    private static boolean isEnvelope(String contentType, String body) {
        if (contentType == null || !contentType.startsWith("application/json")) {
            return false;
        }
        try {
            JsonNode envelope = JSON.readTree(body.contains("\r\n0\r\n") ? body.substring(body.indexOf("\r\n") + 2,
                    body.lastIndexOf("\r\n0\r\n")) : body);
            return envelope.path("code").isString() && envelope.path("description").isString()
                    && envelope.path("request_id").isString() && envelope.has("message");
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** A user with a connection to the test connector, its accounts activated (transactions fetched). */
    private TestUser seeded(TestUser user) {
        TestApi.Response created = api.post("/users/me/connections").bearer(user.token()).json(Map.of(
                "connector_uuid", TEST_CONNECTOR, "login", "fuzz", "password", "1234", "directaccesswebsite", "par")).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        String accounts = ids(api.get("/users/me/accounts?all").bearer(user.token()).send().json().get("accounts"));
        TestApi.Response activated = api.put("/users/me/accounts/" + accounts + "?all").bearer(user.token())
                .json(Map.of("disabled", false)).send();
        assertThat(activated.status()).as(activated.toString()).isEqualTo(200);
        return user;
    }

    /** Every id the users' tokens can see: the user, connections, accounts, transactions, subscriptions, documents. */
    private List<String> ids(List<TestUser> owners) {
        List<String> ids = new ArrayList<>();
        for (TestUser owner : owners) {
            ids.add(Long.toString(owner.id()));
            for (String list : List.of("connections", "accounts?all", "transactions?limit=50", "subscriptions?all", "documents")) {
                JsonNode page = api.get("/users/me/" + list).bearer(owner.token()).send().json();
                String key = list.replaceAll("\\?.*", "");
                Arrays.stream(ids(page.path(key)).split(",")).filter(s -> !s.isEmpty()).forEach(ids::add);
            }
        }
        return List.copyOf(ids);
    }

    private static String ids(JsonNode rows) {
        return StreamSupport.stream(rows.spliterator(), false).map(row -> row.get("id").asString())
                .collect(Collectors.joining(","));
    }

    /** Tokens the fuzzer holds: none, junk, and real ones of its own users (never the victim's). */
    private List<String> bearers(List<TestUser> attackers, Junk junk) {
        List<String> bearers = new ArrayList<>(Arrays.asList(null, null, "", "garbage", "a".repeat(5000), junk.jweGarbage()));
        for (TestUser attacker : attackers) {
            bearers.add(attacker.token());
            bearers.add(attacker.token());
            JsonNode code = api.get("/auth/token/code?type=singleAccess").bearer(attacker.token()).send().json();
            bearers.add(code.path("code").asString());
        }
        return bearers;
    }

    /** Everything the API shows of the victim, read with its own token. */
    private String snapshot(TestUser victim) {
        return List.of("", "/connections?expand=accounts,sources", "/accounts?all", "/transactions?limit=1000&all",
                        "/subscriptions?all", "/documents").stream()
                .map(path -> path + " → " + api.get("/users/me" + path).bearer(victim.token()).send())
                .collect(Collectors.joining("\n"));
    }
}
