package dev.passerelle.server.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.sun.net.httpserver.HttpServer;
import dev.passerelle.connector.ConnectorDescriptor;
import dev.passerelle.runtime.limits.Bulkheads;
import dev.passerelle.server.auth.AuthSteps;
import dev.passerelle.server.clients.ClientApplications;
import dev.passerelle.server.clients.TestClient;
import dev.passerelle.server.config.DataDirectory;
import dev.passerelle.server.connectors.ConnectorRegistry;
import dev.passerelle.server.ops.PrometheusText.Sample;
import dev.passerelle.server.support.MutableClock;
import dev.passerelle.server.support.TestApi;
import dev.passerelle.server.support.TestUsers;
import dev.passerelle.server.support.TestUsers.TestUser;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A scripted run of what operators watch, read back from {@code /actuator/prometheus}: requests by
 * route and status, steps by connector and outcome (by the user and by the scheduler), sync lag,
 * the scheduler's queue, webhook attempts, bulkhead and rate-limit refusals; and no label carrying
 * anything about a user (ids, tokens, logins, IBANs, addresses).
 */
@OpsIntegrationTest
class MetricsTest {

    private static final String TEST_CONNECTOR = "338178e6-3d01-564f-9a7b-52ca442459bf";
    private static final Path DASHBOARD = Path.of("../docs/grafana-dashboard.json");
    private static final List<String> METRIC_PREFIXES = List.of("http_server_", "passerelle_", "jvm_", "hikaricp_");

    @Autowired
    TestApi api;
    @Autowired
    TestUsers users;
    @Autowired
    ClientApplications clients;
    @Autowired
    DataDirectory dataDirectory;
    @Autowired
    SchedulerClient scheduler;
    @Autowired
    MutableClock clock;
    @Autowired
    Bulkheads bulkheads;
    @Autowired
    ConnectorRegistry registry;

    private HttpServer receiver;
    private final List<String> forbidden = new ArrayList<>();

    @BeforeEach
    void listen() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
        clock.reset();
    }

    @Test
    void aScriptedFlowShowsEverySeriesTheDashboardQueriesAndNoUserDataInLabels() throws IOException {
        TestClient client = TestClient.registerIn(clients);
        String configToken = AuthSteps.configToken(dataDirectory);
        assertThat(api.post("/webhooks").bearer(configToken).json(Map.of("url",
                "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook", "events", "USER_CREATED",
                "id_client", client.id())).send().status()).isEqualTo(201);
        TestUser user = users.permanentOf(client.id());
        forbidden.addAll(List.of(Long.toString(user.id()), user.token(), configToken, client.secret(), "jdupont"));

        long synced = addConnection(user, "1234", 200);
        addConnection(user, "0000", 400); // wrongpass
        forbidden.add(Long.toString(synced));
        JsonNode accounts = api.get("/users/me/accounts?all").bearer(user.token()).send().json();
        accounts.get("accounts").forEach(account -> {
            forbidden.add(account.get("iban").asString());
            forbidden.add(Long.toString(account.get("id").asLong()));
        });
        refusedByTheBulkhead(user);
        refusedByTheRateLimit();

        assertThat(metrics().value("passerelle_sync_lag_seconds", Map.of())).contains(0.0);
        clock.advance(Duration.ofDays(2)); // the connection is due for its background sync
        assertThat(metrics().value("passerelle_sync_lag_seconds", Map.of()).orElseThrow()).isGreaterThan(0);
        run("sync-due-connections");
        run("send-webhooks");
        await().atMost(Duration.ofSeconds(30)).until(() -> metrics().value("passerelle_connection_steps_total",
                Map.of("actor", "scheduler", "outcome", "ok", "connector", TEST_CONNECTOR)).isPresent()
                && metrics().value("passerelle_webhook_attempts_total", Map.of("outcome", "delivered", "status", "2xx"))
                .isPresent());

        PrometheusText metrics = metrics();
        assertThat(metrics.value("http_server_requests_seconds_count",
                Map.of("method", "POST", "uri", "/users/{user}/connections", "status", "200"))).isPresent();
        assertThat(metrics.value("passerelle_connection_steps_total", Map.of("connector", TEST_CONNECTOR,
                "connector_name", "Connecteur de test", "actor", "user", "outcome", "ok"))).isPresent();
        assertThat(metrics.value("passerelle_connection_steps_total", Map.of("outcome", "wrongpass"))).isPresent();
        assertThat(metrics.value("passerelle_connector_calls_seconds_count", Map.of("connector", TEST_CONNECTOR)))
                .hasValueSatisfying(calls -> assertThat(calls).isGreaterThanOrEqualTo(3));
        assertThat(metrics.value("passerelle_bulkhead_rejections_total", Map.of("connector", TEST_CONNECTOR)))
                .hasValueSatisfying(refused -> assertThat(refused).isGreaterThanOrEqualTo(1));
        assertThat(metrics.value("passerelle_rate_limit_rejections_total", Map.of("limit", "auth|addr")))
                .hasValueSatisfying(refused -> assertThat(refused).isGreaterThanOrEqualTo(1));
        assertThat(metrics.value("passerelle_sync_lag_seconds", Map.of())).isPresent();
        assertThat(metrics.value("passerelle_scheduler_queue", Map.of("task", "sync-connection", "state", "waiting")))
                .isPresent();
        assertThat(metrics.value("passerelle_webhook_pending", Map.of())).isPresent();
        assertThat(metrics.value("passerelle_webhook_oldest_pending_seconds", Map.of())).isPresent();
        assertNoUserDataIn(metrics);
        assertThat(dashboardSeries()).isNotEmpty().allSatisfy(series ->
                assertThat(metrics.samples()).as(series).anyMatch(sample -> sample.name().equals(series)));
    }

    /** The series the Grafana dashboard of docs/ queries: the names in its expressions with a metric's prefix. */
    private static Set<String> dashboardSeries() throws IOException {
        Set<String> series = new TreeSet<>();
        JsonMapper.builder().build().readTree(Files.readString(DASHBOARD)).get("panels").forEach(panel ->
                panel.get("targets").forEach(target -> {
                    String expression = target.get("expr").asString();
                    int start = -1;
                    for (int i = 0; i <= expression.length(); i++) {
                        boolean word = i < expression.length()
                                && (Character.isLetterOrDigit(expression.charAt(i)) || expression.charAt(i) == '_');
                        if (word && start < 0) {
                            start = i;
                        } else if (!word && start >= 0) {
                            String name = expression.substring(start, i);
                            if (METRIC_PREFIXES.stream().anyMatch(name::startsWith)) {
                                series.add(name);
                            }
                            start = -1;
                        }
                    }
                }));
        return series;
    }

    /** Adds a connection of the test connector's {@code par} scenario; answers its id when it was added. */
    private long addConnection(TestUser user, String password, int expectedStatus) {
        TestApi.Response added = api.post("/users/me/connections").bearer(user.token()).json(Map.of(
                "connector_uuid", TEST_CONNECTOR, "login", "jdupont", "password", password,
                "directaccesswebsite", "par")).send();
        assertThat(added.status()).as("%s", added).isEqualTo(expectedStatus);
        return expectedStatus == 200 ? added.json().get("id").asLong() : -1;
    }

    /** One call at a time per connector here: a call while another one runs on the same connector is refused. */
    private void refusedByTheBulkhead(TestUser user) {
        ConnectorDescriptor testConnector = registry.byUuid(UUID.fromString(TEST_CONNECTOR)).orElseThrow().descriptor();

        Optional<Optional<String>> inner = bulkheads.tryCall(testConnector, user.id(),
                () -> bulkheads.tryCall(testConnector, user.id() + 1, () -> "second call"));

        assertThat(inner).contains(Optional.empty());
    }

    private void refusedByTheRateLimit() {
        for (int i = 0; i < 4; i++) {
            api.post("/auth/init").form(Map.of("client_id", "0", "client_secret", "wrong")).send();
        }
    }

    private void run(String recurringTask) {
        scheduler.reschedule(TaskInstanceId.of(recurringTask, "recurring"), clock.instant());
    }

    private PrometheusText metrics() {
        TestApi.Response response = api.get("/actuator/prometheus").bearer(AuthSteps.configToken(dataDirectory)).send();
        assertThat(response.status()).isEqualTo(200);
        String body = response.text();
        forbidden.forEach(value -> assertThat(body).doesNotContain(value.length() > 3 ? value : "=\"" + value + "\""));
        return PrometheusText.parse(body);
    }

    /** Route labels are templates; no label value is, or holds, anything that identifies a user. */
    private void assertNoUserDataIn(PrometheusText metrics) {
        for (Sample sample : metrics.samples()) {
            sample.labels().forEach((label, value) -> {
                assertThat(forbidden).as("%s of %s", label, sample).doesNotContain(value);
                assertThat(value).as("%s of %s", label, sample).doesNotContain("127.0.0.1").doesNotContainPattern("/\\d+(/|$)");
            });
        }
    }
}
