package dev.passerelle.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.client.support.PasserelleServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** docs/examples/FirstTransactions.java runs as docs/sdk.md says: {@code java -cp <the SDK> FirstTransactions.java}. */
class DocumentedExampleTest {

    @Test
    void firstTransactionsExampleRunsToTheUsersTransactions() throws Exception {
        PasserelleServer server = PasserelleServer.shared();
        Process example = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "../docs/examples/FirstTransactions.java", server.api(),
                server.dataDir().resolve("demo-client-secret").toString())).redirectErrorStream(true).start();

        String printed = new String(example.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(example.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(example.exitValue()).as(printed).isZero();
        assertThat(printed).containsPattern("Connection \\d+: OK").containsPattern("\\d+ transactions in all");
        assertThat(printed.lines().filter(line -> line.matches("\\d{4}-\\d{2}-\\d{2}  -?\\d.*"))).hasSize(5);
    }
}
