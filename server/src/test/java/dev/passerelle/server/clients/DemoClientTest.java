package dev.passerelle.server.clients;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.config.DataDirectory;
import dev.passerelle.server.config.PublicUrl;
import dev.passerelle.server.support.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Seeds a demo client with a random id into a fresh data directory, as a first start would. What
 * the start-up log says about it is StartupSummaryTest's.
 */
@IntegrationTest
class DemoClientTest {

    private static final String API_ROOT = "http://localhost:8080/2.0";

    @Autowired
    ClientApplications clients;
    @Autowired
    PublicUrl publicUrl;
    @TempDir
    Path dataDir;

    private long id;
    private Path secretFile;

    @BeforeEach
    void setUp() {
        id = ThreadLocalRandom.current().nextLong(20_000_000L, 99_999_999_999L);
        secretFile = dataDir.resolve(DemoClient.SECRET_FILE);
    }

    private DemoClient demoClient(String configuredSecret) {
        return new DemoClient(new DemoClientProperties(id, "Demo", configuredSecret, List.of("https://demo.example/cb")),
                clients, new DataDirectory(dataDir), publicUrl);
    }

    @Test
    void withoutConfiguredSecretTheGeneratedSecretIsWrittenOwnerOnly() throws IOException {
        DemoClient demo = demoClient("");
        demo.seed(API_ROOT);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secretFile))).isEqualTo("rw-------");
        assertThat(clients.authenticate(Long.toString(id), Files.readString(secretFile))).isEqualTo(id);
        assertThat(demo.secretFile()).contains(secretFile.toAbsolutePath());
    }

    @Test
    void theGeneratedSecretIsReusedOnTheNextStart() throws IOException {
        demoClient("").seed(API_ROOT);
        String first = Files.readString(secretFile);

        demoClient("").seed(API_ROOT);

        assertThat(Files.readString(secretFile)).isEqualTo(first);
        assertThat(clients.authenticate(Long.toString(id), first)).isEqualTo(id);
    }

    @Test
    void aConfiguredSecretIsUsedWithoutWritingAFile() {
        DemoClient demo = demoClient("configured-demo-secret");
        demo.seed(API_ROOT);

        assertThat(secretFile).doesNotExist();
        assertThat(demo.secretFile()).isEmpty();
        assertThat(clients.authenticate(Long.toString(id), "configured-demo-secret")).isEqualTo(id);
    }

    @Test
    void theDemoClientIsRegisteredWithItsRedirectUris() {
        demoClient("").seed(API_ROOT);

        assertThat(clients.isWhitelisted(id, "https://demo.example/cb")).isTrue();
    }
}
