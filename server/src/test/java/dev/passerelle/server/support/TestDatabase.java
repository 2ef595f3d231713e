package dev.passerelle.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a test context at its database. {@code -Dpasserelle.test.db=h2} (default): a private
 * in-memory H2 in PostgreSQL mode. {@code -Dpasserelle.test.db=postgres}: the PostgreSQL at
 * {@code PASSERELLE_TEST_DB_URL} (default {@code jdbc:postgresql://localhost:5432/passerelle}, user
 * and password {@code passerelle}, overridable with {@code PASSERELLE_TEST_DB_USER}/{@code _PASSWORD}).
 * When PostgreSQL was asked for and cannot be reached the context fails to start, so the run fails
 * rather than silently testing H2. Each context gets a schema of its own there (the database is
 * disposable: CI recreates it) and a fresh data directory.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String PROPERTY = "passerelle.test.db";
    public static final String AT_REST_K1 = "dGVzdC1rZXktb25lLTMyLWJ5dGVzLWxvbmctLS0tLS0=";
    public static final String AT_REST_K2 = "dGVzdC1rZXktdHdvLTMyLWJ5dGVzLWxvbmctLS0tLS0=";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String db = System.getProperty(PROPERTY, "h2");
        Map<String, Object> props = switch (db) {
            case "h2" -> Map.of(
                    "spring.datasource.url", "jdbc:h2:mem:" + UUID.randomUUID()
                            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                    "spring.datasource.username", "sa",
                    "spring.datasource.password", "");
            case "postgres" -> privateSchema(env("PASSERELLE_TEST_DB_URL", "jdbc:postgresql://localhost:5432/passerelle"));
            default -> throw new IllegalStateException("-D" + PROPERTY + " must be h2 or postgres, not " + db);
        };
        Map<String, Object> all = new HashMap<>(props);
        all.put("passerelle.data-dir", dataDir().toString());
        // Every context knows the same keys: k1 seals, k2 is there for the rotation test to move to.
        all.put("passerelle.crypto.at-rest-keys.k1", AT_REST_K1);
        all.put("passerelle.crypto.at-rest-keys.k2", AT_REST_K2);
        all.put("passerelle.crypto.active-key", "k1");
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("passerelle-test-db", all));
    }

    /**
     * A schema of its own in the PostgreSQL database, created by Flyway: cached contexts stay alive
     * with their schedulers running, and on a shared schema one context's background tasks would
     * pick up, purge or re-seal another's rows.
     */
    private static Map<String, Object> privateSchema(String url) {
        String schema = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        return Map.of(
                "spring.datasource.url", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                "spring.datasource.username", env("PASSERELLE_TEST_DB_USER", "passerelle"),
                "spring.datasource.password", env("PASSERELLE_TEST_DB_PASSWORD", "passerelle"),
                "spring.datasource.hikari.initialization-fail-timeout", "10000",
                // Cached contexts stay alive for the whole run: an idle one gives its connections
                // back, so that dozens of them fit in PostgreSQL's connection limit.
                "spring.datasource.hikari.minimum-idle", "0",
                "spring.datasource.hikari.idle-timeout", "10000",
                "spring.flyway.schemas", schema);
    }

    /** Whether this run targets PostgreSQL. */
    public static boolean isPostgres() {
        return "postgres".equals(System.getProperty(PROPERTY, "h2"));
    }

    private static String env(String name, String defaultValue) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? defaultValue : value;
    }

    private static Path dataDir() {
        try {
            return Files.createTempDirectory("passerelle-test-data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
