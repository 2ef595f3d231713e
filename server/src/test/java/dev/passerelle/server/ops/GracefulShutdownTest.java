package dev.passerelle.server.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.passerelle.server.PasserelleApplication;
import dev.passerelle.server.support.TestApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A stop (SIGTERM, or the context closing) lets a running step finish: a background step polling a
 * decoupled validation, still running when the stop begins, completes and is recorded before the
 * server is gone, instead of being interrupted half-way (docs/operations.md, "Graceful shutdown").
 * The server runs here as it ships (application.yml), in a context of its own that the test closes.
 */
class GracefulShutdownTest {

    private static final String TEST_CONNECTOR = "338178e6-3d01-564f-9a7b-52ca442459bf";

    @TempDir
    Path dataDir;

    @Test
    void aBackgroundStepRunningWhenTheServerStopsFinishesAndIsRecorded() throws IOException, SQLException {
        ConfigurableApplicationContext server = new SpringApplicationBuilder(PasserelleApplication.class).run(
                "--server.port=0",
                "--passerelle.data-dir=" + dataDir,
                "--logging.level.root=WARN",
                "--passerelle.connectors.settings." + TEST_CONNECTOR + ".short-decoupled-seconds=4",
                "--passerelle.connectors.settings." + TEST_CONNECTOR + ".decoupled-poll-seconds=1",
                "--passerelle.connections.resume-wait=30s");
        TestApi api = new TestApi("http://localhost:"
                + ((WebServerApplicationContext) server).getWebServer().getPort() + "/2.0");
        String token = api.post("/auth/init").form(Map.of("client_id", "10000001",
                "client_secret", Files.readString(dataDir.resolve("demo-client-secret")).strip())).send()
                .json().get("auth_token").asString();
        long id = api.post("/users/me/connections").bearer(token).json(Map.of("connector_uuid", TEST_CONNECTOR,
                "login", "jdupont", "password", "1234", "directaccesswebsite", "shortDecoupled")).send()
                .json().get("id").asLong();

        TestApi.Response queued = api.post("/users/me/connections/" + id + "?background=true").bearer(token)
                .json(Map.of("resume", "true")).send();
        assertThat(queued.status()).as("%s", queued).isEqualTo(202);
        JdbcClient jdbc = server.getBean(JdbcClient.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'connection-step' AND picked = TRUE")
                .query(Long.class).single() == 1);
        server.close();

        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("passerelle")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "");
             ResultSet event = db.createStatement().executeQuery(
                     "SELECT cause FROM connection_event WHERE id_connection = " + id + " ORDER BY id DESC LIMIT 1")) {
            assertThat(event.next()).isTrue();
            assertThat(event.getString("cause")).isEqualTo("resume -> Success");
        }
    }
}
