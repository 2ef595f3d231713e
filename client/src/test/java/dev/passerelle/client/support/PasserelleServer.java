package dev.passerelle.client.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One real server for the whole test JVM, as an operator runs it: {@code java -jar
 * passerelle-server.jar} in sandbox mode on a free port, with a fresh data directory (H2, keys, the
 * demo client's secret, the config token) under {@code target/server}. Started at first use, stopped
 * when the JVM ends. Tests read the demo client's secret and the config token from the files the
 * server wrote, as an integrator does.
 */
public final class PasserelleServer {

    /** The test connector ("Connecteur de test"). */
    public static final UUID TEST_CONNECTOR = UUID.fromString("338178e6-3d01-564f-9a7b-52ca442459bf");
    public static final long DEMO_CLIENT = 10000001L;
    /** The demo client's whitelisted redirect URI here: journeys end on it, the test catches the redirect. */
    public static final String REDIRECT_URI = "https://app.example.test/callback";

    private static final Path JAR = Path.of(System.getProperty("passerelle.server.jar", "../server/target/passerelle-server.jar"));
    private static final Path LOGS = Path.of(System.getProperty("passerelle.server.logs", "target/server"));
    private static PasserelleServer shared;

    private final int port = freePort();
    private final Path dataDir;
    private final Path log;
    private final Process process;

    private PasserelleServer() {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException("No server jar at " + JAR.toAbsolutePath()
                    + ": build it first (./mvnw -pl server -am package -DskipTests)");
        }
        try {
            Files.createDirectories(LOGS);
            dataDir = Files.createTempDirectory(LOGS.toAbsolutePath(), "data-");
            log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
            String connector = "--passerelle.connectors.settings." + TEST_CONNECTOR + ".";
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                    "-XX:TieredStopAtLevel=1", "-jar", JAR.toAbsolutePath().toString(),
                    "--server.port=" + port,
                    "--passerelle.data-dir=" + dataDir,
                    "--passerelle.demo-client.redirect-uris=" + REDIRECT_URI,
                    // A decoupled validation: 3 s in real time, or sooner by moving the user's clock.
                    connector + "short-decoupled-seconds=3",
                    "--passerelle.connections.resume-wait=2s",
                    "--passerelle.webhooks.send-interval=1s",
                    // Every test calls from 127.0.0.1: the per-address limits are lifted, the per-token
                    // connection-creates one (20 a minute) stays for the retry test.
                    "--passerelle.limits.auth-per-minute=100000",
                    "--passerelle.limits.connection-creates-per-address-per-minute=100000",
                    "--logging.level.root=WARN"));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("PASSERELLE_SANDBOX_ENABLED", "true");
            process = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(this::stop));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitReady();
    }

    /** The server of this JVM, started at the first call. */
    public static synchronized PasserelleServer shared() {
        if (shared == null) {
            shared = new PasserelleServer();
        }
        return shared;
    }

    /** The API root, {@code http://localhost:<port>/2.0}. */
    public String api() {
        return "http://localhost:" + port + "/2.0";
    }

    public String demoClientSecret() {
        return read("demo-client-secret");
    }

    public String configToken() {
        return read("config-token");
    }

    /** The server's data directory (H2 files, keys, secrets). */
    public Path dataDir() {
        return dataDir;
    }

    private String read(String file) {
        try {
            return Files.readString(dataDir.resolve(file)).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The server exited with " + process.exitValue() + ", see " + log);
            }
            try {
                HttpRequest probe = HttpRequest.newBuilder(URI.create(api() + "/actuator/health/readiness")).build();
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("The server was not ready within 4 minutes, see " + log);
    }

    private void stop() {
        process.destroy();
        try {
            if (!process.waitFor(Duration.ofSeconds(30).toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
