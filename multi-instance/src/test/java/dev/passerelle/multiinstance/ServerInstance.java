package dev.passerelle.multiinstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One server process as an operator runs it: {@code java -jar passerelle-server.jar} with settings
 * on the command line, its output in its own log file under {@code target/instances}. The
 * db-scheduler name is the instance's name, so {@code scheduled_tasks.picked_by} tells who holds an
 * execution, and the support timeline ({@code connection_event.instance}) tells who ran a step.
 */
final class ServerInstance {

    private static final Path JAR = Path.of(System.getProperty("passerelle.server.jar", "../server/target/passerelle-server.jar"));
    private static final Path LOGS = Path.of(System.getProperty("passerelle.instance.logs", "target/instances"));
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String name;
    private final String run;
    private final Map<String, String> settings;
    private final int port = freePort();
    private Process process;
    private Path log;
    private int starts;

    /**
     * @param name     the instance's db-scheduler name
     * @param run      prefix of its log files (the test that runs it)
     * @param settings Spring properties shared by every instance
     */
    ServerInstance(String name, String run, Map<String, String> settings) {
        this.name = name;
        this.run = run;
        this.settings = settings;
    }

    String name() {
        return name;
    }

    /** The API root, {@code http://127.0.0.1:<port>/2.0}. */
    URI api() {
        return URI.create("http://127.0.0.1:" + port + "/2.0");
    }

    /** Starts the process (again after a kill: same name, same port, a new log file). */
    void start() {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException("No server jar at " + JAR.toAbsolutePath()
                    + ": build it first with ./mvnw -pl server -am package -DskipTests");
        }
        starts++;
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", JAR.toAbsolutePath().toString()));
        settings.forEach((key, value) -> command.add("--" + key + "=" + value));
        command.add("--server.port=" + port);
        command.add("--db-scheduler.scheduler-name=" + name);
        command.add("--passerelle.data-dir=" + LOGS.resolve(run + "-" + name + "-data").toAbsolutePath());
        try {
            Files.createDirectories(LOGS);
            log = LOGS.resolve(run + "-" + name + "-" + starts + ".log");
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            // A test JVM stopped half-way (Ctrl-C, a fork timeout) must not leave servers on the database.
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the instance answers its readiness probe; fails at once if the process ended. */
    void awaitReady() {
        await(name + " ready").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ", see " + log);
            }
            return ready();
        });
    }

    private boolean ready() {
        try {
            HttpRequest probe = HttpRequest.newBuilder(URI.create(api() + "/actuator/health/readiness")).build();
            return HTTP.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false; // not listening yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * {@code kill -9}: {@link Process#destroyForcibly()} sends SIGKILL on Linux, so no shutdown hook
     * runs and db-scheduler cannot release what it holds. The exit status 137 (128 + 9) proves it.
     */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor()).as(name + " killed by SIGKILL").isEqualTo(137);
    }

    /** A graceful stop (SIGTERM), forced after 30 s. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return name + " (" + api() + ", log " + log + ")";
    }
}
