package dev.passerelle.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * rather than silently testing H2. Each context also gets a fresh data directory.
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
            case "postgres" -> Map.of(
                    "spring.datasource.url", env("PASSERELLE_TEST_DB_URL", "jdbc:postgresql://localhost:5432/passerelle"),
                    "spring.datasource.username", env("PASSERELLE_TEST_DB_USER", "passerelle"),
                    "spring.datasource.password", env("PASSERELLE_TEST_DB_PASSWORD", "passerelle"),
                    "spring.datasource.hikari.initialization-fail-timeout", "10000");
            default -> throw new IllegalStateException("-D" + PROPERTY + " must be h2 or postgres, not " + db);
        };
        Map<String, Object> all = new java.util.HashMap<>(props);
        all.put("passerelle.data-dir", dataDir().toString());
        // Contexts share the PostgreSQL database, so they share at-rest keys too: k1 seals, k2 is
        // known so that a rotation test can move everything to k2 without breaking other contexts.
        all.put("passerelle.crypto.at-rest-keys.k1", AT_REST_K1);
        all.put("passerelle.crypto.at-rest-keys.k2", AT_REST_K2);
        all.put("passerelle.crypto.active-key", "k1");
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("passerelle-test-db", all));
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
