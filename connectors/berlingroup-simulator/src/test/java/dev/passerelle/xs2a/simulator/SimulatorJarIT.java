package dev.passerelle.xs2a.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runnable jar, started as a process the way the docs say, serving a consent walk with a scenario file. */
class SimulatorJarIT {

    private static final Pattern LISTENING = Pattern.compile("listening on (\\S+)");

    @Test
    void theJarServesTheProtocolWithAScenarioFile(@TempDir Path dir) throws Exception {
        Path jar = Path.of(System.getProperty("passerelle.xs2a.jar", "target/passerelle-xs2a-simulator.jar"));
        assertThat(Files.isRegularFile(jar)).as("%s was packaged", jar).isTrue();
        Path scenarios = Files.writeString(dir.resolve("scenarios.json"), """
                {"psus": [{"psuId": "carla", "approach": "REDIRECT", "password": "pw", "transactionsPerPage": 5,
                           "ownerName": "Carla Jar"}]}
                """);
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-jar", jar.toString(), "--port", "0", "--scenario-file", scenarios.toString()));
        String spec = System.getProperty("passerelle.xs2a.spec", "");
        if (!spec.isBlank()) {
            command.addAll(List.of("--spec", spec));
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertThat(line).as("first line of the simulator's output").isNotNull();
            Matcher listening = LISTENING.matcher(line);
            assertThat(listening.find()).as(line).isTrue();
            Tpp tpp = new Tpp(URI.create(listening.group(1)), SSLContext.getDefault());

            Tpp.Reply created = tpp.createConsent("carla");
            assertThat(created.status()).isEqualTo(201);
            String page = created.href("scaRedirect");
            tpp.form(page, Map.of("psuId", "carla", "password", "pw", "action", "login"));
            assertThat(tpp.form(page, Map.of("action", "accept")).header("Location")).isEqualTo(Tpp.OK_URI);
            Tpp.Reply accounts = tpp.get("/v1/accounts", "Consent-ID", created.json().get("consentId").asText(),
                    "PSU-IP-Address", "192.168.8.78");
            assertThat(accounts.status()).isEqualTo(200);
            assertThat(accounts.json().get("accounts")).hasSize(3);
        } finally {
            process.destroy();
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("the simulator stops on SIGTERM").isTrue();
        }
    }
}
