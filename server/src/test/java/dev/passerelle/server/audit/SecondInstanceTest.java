package dev.passerelle.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.passerelle.server.PasserelleApplication;
import dev.passerelle.server.auth.AuthSteps;
import dev.passerelle.server.config.DataDirectory;
import dev.passerelle.server.console.ConsoleClient;
import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.TestApi;
import dev.passerelle.server.support.TestUsers;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;

/**
 * A second server instance on the same database sees what an operator changed on the first,
 * without a restart (issue "effective on every instance"): hidden connectors, disabled sources and
 * configuration keys, changed through the API or the console. Each instance reads the
 * configuration version at most every 200 ms here.
 */
@IntegrationTest
@TestPropertySource(properties = {
        "passerelle.configuration.refresh-interval=200ms",
        "passerelle.console.operators[0].login=otto",
        "passerelle.console.operators[0].password=" + SecondInstanceTest.OPERATOR_PASSWORD})
class SecondInstanceTest {

    static final String UUID = "338178e6-3d01-564f-9a7b-52ca442459bf";
    static final String OPERATOR_PASSWORD = "otto's long password";
    private static ConfigurableApplicationContext second;

    @Autowired
    TestApi first;
    @Autowired
    TestUsers users;
    @Autowired
    DataDirectory dataDirectory;
    @Autowired
    Environment environment;

    private TestApi other;
    private String config;

    @BeforeEach
    void startTheSecondInstance() throws Exception {
        if (second == null) {
            // As command-line arguments: they win over application.yml, as the first instance's test properties do.
            Map<String, String> properties = Map.ofEntries(
                    Map.entry("server.port", "0"),
                    Map.entry("spring.datasource.url", environment.getRequiredProperty("spring.datasource.url")),
                    Map.entry("spring.datasource.username", environment.getRequiredProperty("spring.datasource.username")),
                    Map.entry("spring.datasource.password", environment.getRequiredProperty("spring.datasource.password")),
                    Map.entry("spring.flyway.schemas", environment.getProperty("spring.flyway.schemas", "")),
                    Map.entry("passerelle.data-dir", Files.createTempDirectory("passerelle-second").toString()),
                    Map.entry("passerelle.crypto.at-rest-keys.k1", environment.getRequiredProperty("passerelle.crypto.at-rest-keys.k1")),
                    Map.entry("passerelle.crypto.active-key", "k1"),
                    Map.entry("passerelle.configuration.refresh-interval", "200ms"),
                    // The same operators as the first: an instance deletes those its configuration does not list.
                    Map.entry("passerelle.console.operators[0].login", "otto"),
                    Map.entry("passerelle.console.operators[0].password", OPERATOR_PASSWORD),
                    Map.entry("logging.level.root", "WARN"));
            second = new SpringApplicationBuilder(PasserelleApplication.class)
                    .run(properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue()).toArray(String[]::new));
        }
        other = new TestApi("http://localhost:" + ((WebServerApplicationContext) second).getWebServer().getPort() + "/2.0");
        config = AuthSteps.configToken(dataDirectory);
    }

    @AfterEach
    void publishAgain() {
        first.put("/connectors/" + UUID).bearer(config).json(Map.of("hidden", false)).send();
        first.put("/connectors/40/sources/directaccess").bearer(config).json(Map.of("disabled", false)).send();
        first.post("/config").bearer(config).json(Map.of("connection.disable_new", "")).send();
    }

    @AfterAll
    static void stopTheSecondInstance() {
        if (second != null) {
            second.close();
            second = null;
        }
    }

    private List<String> published(TestApi api) {
        return api.get("/connectors").send().json().get("connectors").findValuesAsString("uuid");
    }

    private int addConnection(TestApi api) {
        return api.post("/users/me/connections").bearer(users.permanent().token())
                .json(Map.of("connector_uuid", UUID, "login", "l", "password", "1234")).send().status();
    }

    @Test
    void aConnectorHiddenOnOneInstanceIsHiddenOnTheOtherAndTakesNoNewConnectionThere() {
        assertThat(published(other)).contains(UUID);

        first.put("/connectors/" + UUID).bearer(config).json(Map.of("hidden", true)).send();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(published(other)).doesNotContain(UUID));
        assertThat(addConnection(other)).isEqualTo(400);

        first.put("/connectors/" + UUID).bearer(config).json(Map.of("hidden", false)).send();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(published(other)).contains(UUID));
        assertThat(addConnection(other)).isEqualTo(200);
    }

    @Test
    void aSourceDisabledInTheConsoleOfOneInstanceTakesNoConnectionOnTheOther() {
        ConsoleClient console = new ConsoleClient(first.base());
        console.logIn("otto", OPERATOR_PASSWORD);
        console.get("/console/connectors/" + UUID);

        assertThat(console.post("/console/connectors/" + UUID + "/sources/directaccess", Map.of("disabled", "true")).status())
                .isEqualTo(302);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(published(other)).doesNotContain(UUID));
        assertThat(addConnection(other)).isEqualTo(400);
    }

    @Test
    void aConfigurationKeySetOnOneInstanceAppliesOnTheOther() {
        first.post("/config").bearer(config).json(Map.of("connection.disable_new", true)).send();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(addConnection(other)).isEqualTo(409));
    }
}
