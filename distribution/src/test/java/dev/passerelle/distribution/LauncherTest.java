package dev.passerelle.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./passerelle}, the README's run command, on a machine whose first {@code java} on the PATH
 * is too old (here a stand-in that reports Java 17, the default JDK of Debian 12): with
 * {@code JAVA_HOME} set it starts the built jar with that JDK, and the start-up log ends with the
 * block that says what to do next, with no warning before it; without, it says in one line what
 * to do.
 */
class LauncherTest {

    private static final Path LAUNCHER = Project.file("passerelle");

    @TempDir
    Path work;
    private Path oldJavaBin;

    @BeforeEach
    void putAnOldJavaFirstOnThePath() throws IOException {
        oldJavaBin = Files.createDirectory(work.resolve("old-jdk-bin"));
        Path java = oldJavaBin.resolve("java");
        Files.writeString(java, """
                #!/bin/sh
                echo 'openjdk version "17.0.15" 2025-04-15' >&2
                echo 'Error: LinkageError occurred while loading main class (UnsupportedClassVersionError)' >&2
                exit 1
                """);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void withJavaHomeTheServerStartsAndItsLogEndsWithTheBlockSayingWhatToDoNext() throws Exception {
        Path log = work.resolve("server.log");
        Process server = launcher(Map.of("JAVA_HOME", System.getProperty("java.home")),
                "--server.port=0", "--passerelle.data-dir=" + work.resolve("data"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            await().atMost(Duration.ofMinutes(3)).until(() -> !server.isAlive()
                    || Files.readString(log).contains("  First user    curl"));
            List<String> lines = Files.readAllLines(log);
            int ready = indexOf(lines, "Passerelle is ready.");

            assertThat(ready).as(String.join("\n", lines)).isNotNegative();
            assertThat(lines.subList(ready, lines.size())).hasSize(7)
                    .satisfies(block -> assertThat(block.getLast()).contains("  First user    curl -s -X POST http://localhost:"));
            assertThat(lines.subList(0, ready)).noneMatch(line -> line.contains(" WARN ") || line.startsWith("WARNING"));
            String api = lines.get(ready + 1).substring(lines.get(ready + 1).indexOf("  API           ") + 16).strip();
            assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api + "/actuator/health")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        } finally {
            server.destroy();
            assertThat(server.waitFor(2, TimeUnit.MINUTES)).isTrue();
        }
    }

    @Test
    void withOnlyAnOldJavaOnThePathItSaysInOneLineWhichJdkAndHowToPointAtIt() throws Exception {
        Process launch = launcher(Map.of()).redirectErrorStream(true).start();
        String output = new String(launch.getInputStream().readAllBytes()).strip();

        assertThat(launch.waitFor()).isEqualTo(1);
        assertThat(output.lines()).singleElement().asString()
                .contains("Java 17", "a JDK 21+", "JAVA_HOME");
    }

    private ProcessBuilder launcher(Map<String, String> environment, String... arguments) {
        ProcessBuilder builder = new ProcessBuilder();
        builder.command().add(LAUNCHER.toString());
        builder.command().addAll(List.of(arguments));
        builder.directory(work.toFile());
        builder.environment().remove("JAVA_HOME");
        builder.environment().put("PATH", oldJavaBin + ":/usr/bin:/bin");
        builder.environment().putAll(environment);
        return builder;
    }

    private static int indexOf(List<String> lines, String message) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).endsWith(message)) {
                return i;
            }
        }
        return -1;
    }
}
