package dev.passerelle.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.PasserelleApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The server started as an operator starts it, on a fresh data directory with the default H2 file
 * database: everything it creates there (database, keys, secrets, their directories) is readable
 * by its own account only, whatever the umask.
 */
class OwnerOnlyFilesTest {

    @TempDir
    Path parent;

    @Test
    void everythingInAFreshDataDirectoryIsOwnerOnly() throws IOException {
        Path data = parent.resolve("fresh/data");
        try (ConfigurableApplicationContext server = new SpringApplicationBuilder(PasserelleApplication.class).run(
                "--server.port=0", "--passerelle.data-dir=" + data, "--logging.level.root=WARN",
                "--passerelle.sync.poll-interval=3650d", "--passerelle.webhooks.send-interval=3650d")) {
            assertThat(server.isRunning()).isTrue();
        }

        List<Path> created;
        try (Stream<Path> walk = Files.walk(data)) {
            created = walk.toList();
        }
        assertThat(created).as("the database, the generated keys and secrets")
                .anyMatch(p -> p.getFileName().toString().endsWith(".mv.db"))
                .anyMatch(p -> p.getFileName().toString().equals("config-token"))
                .anyMatch(p -> p.toString().contains("e2e"));
        assertThat(created).allSatisfy(path -> assertThat(permissions(path)).as(path.toString())
                .isEqualTo(Files.isDirectory(path) ? "rwx------" : "rw-------"));
        assertThat(permissions(parent.resolve("fresh"))).as("missing parents are created owner-only too").isEqualTo("rwx------");
        assertThat(created).noneMatch(p -> p.getFileName().toString().endsWith(".trace.db"));
    }

    private static String permissions(Path path) throws IOException {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
        return PosixFilePermissions.toString(permissions);
    }
}
