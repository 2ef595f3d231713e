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
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code ./passerelle}, the README's run command, on a machine whose first {@code java} on the PATH
 * is too old (here a stand-in that reports Java 17, the default JDK of Debian 12): with
 * {@code JAVA_HOME} set it starts the built jar with that JDK, and the start-up log ends with the
 * block that says what to do next, with no warning before it; without, it says in one line what
 * to do. On that server, the README's walkthrough runs as printed, twice (the second time on a
 * server that is no longer empty). A JDK's version comes from its {@code release} file when it has
 * one, without a JVM started for it.
 */
class LauncherTest {

    private static final Path LAUNCHER = Project.file("passerelle");

    private static Path work;
    private static Path oldJavaBin;
    private static Process server;
    private static Path log;
    /** The log once the block was printed, before the tests' requests add to it. */
    private static List<String> startupLog;

    @BeforeAll
    static void startWithJavaHomeAndAnOldJavaFirstOnThePath() throws IOException {
        work = Files.createTempDirectory("launcher-test");
        oldJavaBin = Files.createDirectory(work.resolve("old-jdk-bin"));
        Path java = oldJavaBin.resolve("java");
        Files.writeString(java, """
                #!/bin/sh
                echo 'openjdk version "17.0.15" 2025-04-15' >&2
                echo 'Error: LinkageError occurred while loading main class (UnsupportedClassVersionError)' >&2
                exit 1
                """);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        log = work.resolve("server.log");
        server = launcher(Map.of("JAVA_HOME", System.getProperty("java.home")),
                "--server.port=0", "--passerelle.data-dir=" + work.resolve("data"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        await().atMost(Duration.ofMinutes(3)).until(() -> !server.isAlive()
                || Files.readString(log).contains("  First user    curl"));
        startupLog = Files.readAllLines(log);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        server.destroy();
        assertThat(server.waitFor(2, TimeUnit.MINUTES)).isTrue();
    }

    @Test
    void withJavaHomeTheServerStartsAndItsLogEndsWithTheBlockSayingWhatToDoNext() throws Exception {
        List<String> lines = startupLog;
        int ready = indexOf(lines, "Passerelle is ready.");

        assertThat(ready).as(String.join("\n", lines)).isNotNegative();
        assertThat(lines.subList(ready, lines.size())).hasSize(9)
                .anySatisfy(line -> assertThat(line).contains("  Console       http://localhost:"))
                .anySatisfy(line -> assertThat(line).contains("  API reference http://localhost:").contains("/2.0/openapi.json"))
                .satisfies(block -> assertThat(block.getLast()).contains("  First user    curl -s -X POST http://localhost:"));
        assertThat(lines.subList(0, ready)).noneMatch(line -> line.contains(" WARN ") || line.startsWith("WARNING"));
        assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api() + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }

    @Test
    @Tag("walkthrough")
    void theReadmeWalkthroughRunsAsPrintedAlsoOnAServerThatIsNotEmpty() throws Exception {
        String script = "set -euo pipefail\n" + readmeWalkthrough().replace("API=http://localhost:8080/2.0", "API=" + api());

        for (int run = 1; run <= 2; run++) {
            Process walkthrough = new ProcessBuilder("bash", "-c", script).directory(work.toFile())
                    .redirectErrorStream(true).start();
            String output = new String(walkthrough.getInputStream().readAllBytes());

            assertThat(walkthrough.waitFor()).as("run %d:\n%s", run, output).isZero();
            assertThat(output).as("run %d", run).contains("\"Connecteur de test\"", "\"disabled\": null",
                    "\"state\": null", "\"code\"");
            assertThat(output.replace(" ", "")).as("run %d:\n%s", run, output)
                    .doesNotContain("\"code\":\"notFound\"", "\"code\":\"invalidValue\"", "\"code\":\"forbidden\"");
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

    @Test
    void readsTheJdkVersionFromItsReleaseFileWithoutStartingIt() throws Exception {
        Path jdk = Files.createDirectories(work.resolve("jdk-with-release"));
        Path java = Files.createDirectory(jdk.resolve("bin")).resolve("java");
        Files.writeString(java, """
                #!/bin/sh
                echo 'openjdk version "25.0.3" 2026-04-21' >&2
                touch "$(dirname "$0")/started"
                exit 1
                """);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(jdk.resolve("release"), "IMPLEMENTOR=\"Stand-in\"\nJAVA_VERSION=\"17.0.15\"\n");

        Process launch = launcher(Map.of("JAVA_HOME", jdk.toString())).redirectErrorStream(true).start();
        String output = new String(launch.getInputStream().readAllBytes()).strip();

        assertThat(launch.waitFor()).isEqualTo(1);
        assertThat(output).contains("is Java 17", "a JDK 21+");
        assertThat(jdk.resolve("bin/started")).doesNotExist();
    }

    /** The API root the block names. */
    private static String api() {
        String line = startupLog.get(indexOf(startupLog, "Passerelle is ready.") + 1);
        return line.substring(line.indexOf("  API           ") + "  API           ".length()).strip();
    }

    /** The shell block under the README's heading "Walkthrough with curl". */
    private static String readmeWalkthrough() throws IOException {
        StringBuilder script = new StringBuilder();
        Parser.builder().build().parse(Files.readString(Project.file("README.md"))).accept(new AbstractVisitor() {
            private boolean inWalkthrough;

            @Override
            public void visit(Heading heading) {
                inWalkthrough = heading.getFirstChild() instanceof Text text
                        && text.getLiteral().equals("Walkthrough with curl");
            }

            @Override
            public void visit(FencedCodeBlock block) {
                if (inWalkthrough && "sh".equals(block.getInfo()) && script.isEmpty()) {
                    script.append(block.getLiteral());
                }
            }
        });
        assertThat(script).as("the README's walkthrough").isNotEmpty();
        return script.toString();
    }

    private static ProcessBuilder launcher(Map<String, String> environment, String... arguments) {
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
