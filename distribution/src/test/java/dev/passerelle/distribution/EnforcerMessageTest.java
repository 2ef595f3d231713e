package dev.passerelle.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The build started on a JDK older than the project's release stops before compiling, with one
 * line that names the JDK needed and JAVA_HOME. It runs {@code ./mvnw validate} on the parent with
 * an older JDK installed on this machine (Debian's default 17 here); on a machine without one, it
 * raises the required release above the running JDK instead, which takes the same path.
 */
class EnforcerMessageTest {

    private static final int RELEASE = 21;

    @Test
    void anOlderJdkGetsOneLineNamingTheJdkNeededAndJavaHome() throws IOException, InterruptedException {
        Optional<Path> older = olderJdk();
        List<String> command = new ArrayList<>(List.of(Project.file("mvnw").toString(), "-B", "-q", "-N", "validate"));
        ProcessBuilder maven = new ProcessBuilder(command).directory(Project.root().toFile()).redirectErrorStream(true);
        String needed;
        if (older.isPresent()) {
            maven.environment().put("JAVA_HOME", older.get().toString());
            needed = Integer.toString(RELEASE);
        } else {
            needed = Integer.toString(Runtime.version().feature() + 1);
            command.add("-Djava.version=" + needed);
            maven.command(command);
            maven.environment().put("JAVA_HOME", System.getProperty("java.home"));
        }

        Process build = maven.start();
        String output = new String(build.getInputStream().readAllBytes());

        assertThat(build.waitFor()).isNotZero();
        assertThat(output.lines().filter(line -> line.contains("Passerelle needs a JDK")))
                .singleElement().asString()
                .contains("needs a JDK " + needed + " or newer", "point JAVA_HOME at a JDK " + needed + "+", "./mvnw");
        assertThat(output).doesNotContain("release version");
    }

    /** A JDK older than the release under /usr/lib/jvm, by its {@code release} file. */
    private static Optional<Path> olderJdk() throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(home -> Files.isExecutable(home.resolve("bin/java")))
                    .filter(home -> feature(home).filter(v -> v < RELEASE).isPresent())
                    .min(Comparator.naturalOrder());
        }
    }

    private static Optional<Integer> feature(Path home) {
        Properties release = new Properties();
        try (var in = Files.newInputStream(home.resolve("release"))) {
            release.load(in);
        } catch (IOException e) {
            return Optional.empty();
        }
        String version = release.getProperty("JAVA_VERSION", "").replace("\"", "");
        String major = version.startsWith("1.") ? "1" : version.split("[.+-]")[0];
        return major.isEmpty() ? Optional.empty() : Optional.of(Integer.parseInt(major));
    }
}
