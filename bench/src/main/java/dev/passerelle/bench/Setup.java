package dev.passerelle.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where things are and how big the run is. Paths are relative to the project root (bench/run runs
 * from there); the database is PostgreSQL's {@code passerelle_bench} unless {@code BENCH_DB_URL} says
 * otherwise.
 *
 * @param quick the CI mode: the same figures on smaller sizes, to keep the bench from rotting
 */
record Setup(boolean quick, Path root, Path work, String dbUrl, String dbUser, String dbPassword) {

    static Setup from(boolean quick) {
        Path root = Path.of(setting("bench.root", "BENCH_ROOT", ".")).toAbsolutePath().normalize();
        return new Setup(quick, root, root.resolve("bench/target/run"),
                setting("bench.db.url", "BENCH_DB_URL", "jdbc:postgresql://localhost:5432/passerelle_bench"),
                setting("bench.db.user", "BENCH_DB_USER", "passerelle"),
                setting("bench.db.password", "BENCH_DB_PASSWORD", "passerelle"));
    }

    /** The server jar the package step built, as the README runs it. */
    Path serverJar() {
        return existing(root.resolve("server/target/passerelle-server.jar"));
    }

    /** The server as an operator runs it: the README's launcher, with the production JVM options and the build's AOT cache. */
    List<String> server() {
        return List.of(existing(root.resolve("passerelle")).toString());
    }

    private String productionOptions() {
        return "@" + existing(root.resolve("server/src/main/jvm/jvm.options"));
    }

    /**
     * The server jar with the production launch's JVM options ({@code server/src/main/jvm/jvm.options},
     * which {@code ./passerelle} and the image pass too) and the bench's bare endpoint added
     * ({@link dev.passerelle.bench.bare.BareEndpoint}) through Spring Boot's {@code loader.path}, which
     * the launcher's extracted layout has not.
     */
    List<String> serverWithBareEndpoint(List<String> jvmOptions) {
        List<String> command = new ArrayList<>(List.of(ServerProcess.java(), productionOptions()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-Dloader.path=" + existing(root.resolve("bench/target/passerelle-bench-bare.jar")),
                "-cp", serverJar().toString(), "org.springframework.boot.loader.launch.PropertiesLauncher"));
        return command;
    }

    /** Server properties that put it on the bench's PostgreSQL database, in its own {@code schema}. */
    Map<String, String> postgres(String schema) {
        return Map.of("spring.datasource.url", dbUrl + (dbUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                "spring.datasource.username", dbUser,
                "spring.datasource.password", dbPassword,
                "spring.flyway.schemas", schema);
    }

    /** The data directory {@code name} under the bench's work directory, emptied: the server starts on a new database. */
    Path freshDataDir(String name) {
        Path dir = work.resolve(name);
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path existing(Path path) {
        if (!Files.exists(path)) {
            throw new IllegalStateException(path + " is missing: run bench/run, which builds it");
        }
        return path;
    }

    static String setting(String property, String env, String fallback) {
        String value = System.getProperty(property, System.getenv(env));
        return value == null || value.isBlank() ? fallback : value;
    }
}
