package dev.passerelle.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code compose.yaml} runs the image the build makes, on PostgreSQL, as the image expects to run:
 * its name and version, a read-only root with /tmp and /data writable, the database healthy first,
 * the same database credentials on both sides, and time to stop gracefully. (No Compose runs here
 * to validate it against the Compose schema; the image's own run is proved by ImageIT.)
 */
class ComposeFileTest {

    private static Map<String, Object> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(Project.file("compose.yaml")));
        services = (Map<String, Object>) compose.get("services");
    }

    @Test
    void itRunsTheImageThisBuildMakesReadOnlyWithTmpAndDataWritable() {
        Map<String, Object> server = service("passerelle");

        assertThat(server.get("image")).isEqualTo("passerelle:" + System.getProperty("passerelle.version"));
        assertThat(server.get("read_only")).isEqualTo(true);
        assertThat(strings(server, "tmpfs")).contains("/tmp");
        assertThat(strings(server, "volumes")).contains("data:/data");
        assertThat(strings(server, "cap_drop")).contains("ALL");
        assertThat(strings(server, "ports")).contains("8080:8080");
    }

    @Test
    void theServerStartsOnceThePostgresqlItUsesIsHealthy() {
        Map<String, Object> server = service("passerelle");
        Map<String, Object> postgres = service("postgres");
        Map<?, ?> serverEnv = (Map<?, ?>) server.get("environment");
        Map<?, ?> postgresEnv = (Map<?, ?>) postgres.get("environment");

        assertThat(((Map<?, ?>) ((Map<?, ?>) server.get("depends_on")).get("postgres")).get("condition"))
                .isEqualTo("service_healthy");
        assertThat(postgres).containsKey("healthcheck");
        assertThat(serverEnv.get("SPRING_DATASOURCE_URL"))
                .isEqualTo("jdbc:postgresql://postgres:5432/" + postgresEnv.get("POSTGRES_DB"));
        assertThat(serverEnv.get("SPRING_DATASOURCE_USERNAME")).isEqualTo(postgresEnv.get("POSTGRES_USER"));
        assertThat(serverEnv.get("SPRING_DATASOURCE_PASSWORD")).isEqualTo(postgresEnv.get("POSTGRES_PASSWORD"));
    }

    @Test
    void aStopHasTimeToLetRunningStepsFinish() {
        Map<String, Object> server = service("passerelle");
        Duration shutdownMaxWait = Duration.parse("PT" + ((Map<?, ?>) server.get("environment"))
                .get("DB_SCHEDULER_SHUTDOWN_MAX_WAIT").toString().toUpperCase());

        assertThat(Duration.parse("PT" + server.get("stop_grace_period").toString().toUpperCase()))
                .isGreaterThan(shutdownMaxWait.multipliedBy(2).plusSeconds(30));
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Map<String, Object> service, String key) {
        return (List<String>) service.get(key);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) {
        return (Map<String, Object>) services.get(name);
    }
}
