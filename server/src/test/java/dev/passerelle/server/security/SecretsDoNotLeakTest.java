package dev.passerelle.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import dev.passerelle.server.auth.AuthSteps;
import dev.passerelle.server.clients.ClientApplications;
import dev.passerelle.server.clients.TestClient;
import dev.passerelle.server.e2e.Jwe;
import dev.passerelle.server.support.CapturesLogs;
import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.MutableClock;
import dev.passerelle.server.support.SandboxMode;
import dev.passerelle.server.support.TestApi;
import dev.passerelle.server.support.TestConnector;
import dev.passerelle.server.support.TestUsers.TestUser;
import dev.passerelle.server.webauth.BankVisit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;

/**
 * Runs every flow (auth, every test-connector scenario, webauth at the sandbox bank) with
 * recognisable secrets (logins, passwords, OTPs, tokens, codes, the client secret),
 * then searches every log line (ours at DEBUG, the libraries' at INFO) and every database value for
 * them (issue: "no leaks").
 */
@IntegrationTest
@CapturesLogs
@SandboxMode
class SecretsDoNotLeakTest {

    static final String LOGIN = "needle-login-5f1c2e";
    static final String WRONG_PASSWORD = "needle-wrong-password-93ad";
    static final String ENCRYPTED_WRONG_PASSWORD = "needle-e2e-password-4b7e";
    static final List<String> SCENARIOS = List.of("par", "pro", "wrongpass", "additionalInformationNeeded", "doubleotp",
            "shortDecoupled", "longDecoupled", "AppValidationCancelled", "AppValidationExpired", "actionNeeded",
            "passwordExpired", "websiteUnavailable", "rateLimiting", "bug", "notSupported", "SCARequired",
            "SCARequiredAndOTP", "SCARequiredAndDecoupled");
    /** The right password and the OTP answers are too short to search alone: searched next to their names. */
    static final List<Pattern> SHORT_SECRETS_IN_CONTEXT = List.of(
            Pattern.compile("password\\W{0,6}1234"),
            Pattern.compile("openapisms\\W{0,6}(abcd|efgh)"));

    @Autowired
    TestApi api;
    @Autowired
    ClientApplications clients;
    @Autowired
    DataSource dataSource;
    @Autowired
    MutableClock clock;

    final List<String> secrets = new ArrayList<>(List.of(LOGIN, WRONG_PASSWORD, ENCRYPTED_WRONG_PASSWORD));

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void noSecretOfAnyFlowReachesTheLogsOrTheDatabaseInClear(CapturedOutput output) throws Exception {
        runEveryFlow();

        String logs = output.getAll();
        assertThat(logs).as("the server's log lines are captured").contains("Connection add on connector 40 failed");
        for (String secret : secrets) {
            assertThat(logs).as("logs").doesNotContain(secret);
        }
        for (Pattern pattern : SHORT_SECRETS_IN_CONTEXT) {
            assertThat(pattern.matcher(logs).find()).as("logs match %s", pattern).isFalse();
        }
        List<String> rows = DatabaseDump.rows(dataSource);
        assertThat(rows).as("database rows").isNotEmpty();
        for (String secret : secrets) {
            assertThat(rows).as("database").noneMatch(row -> row.contains(secret));
        }
        for (Pattern pattern : SHORT_SECRETS_IN_CONTEXT) {
            assertThat(rows).as("database").noneMatch(row -> pattern.matcher(row).find());
        }
    }

    private void runEveryFlow() throws Exception {
        AuthSteps auth = new AuthSteps(api);
        TestClient client = TestClient.registerIn(clients);
        secrets.add(client.secret());
        String token = auth.permanentUser(client).get("auth_token").asString();
        String single = auth.code(token, "singleAccess");
        String standard = auth.code(token, "requestAccess");
        String exchanged = auth.exchange(single, client);
        String temporary = auth.temporaryUser().get("auth_token").asString();
        secrets.addAll(List.of(token, single, standard, exchanged, temporary));
        api.get("/users/me").bearer(single).send(); // a spent code, refused
        api.get("/users/me").bearer(standard).send();

        for (String scenario : SCENARIOS) {
            long id = create(exchanged, scenario);
            if (id > 0) {
                resume(exchanged, id, scenario);
            }
        }
        long par = create(exchanged, "par");
        post(exchanged, par, Map.of("password", WRONG_PASSWORD));
        RSAKey key = RSAKey.parse(api.get("/publickey").send().text());
        post(exchanged, par, Map.of("password", Jwe.encrypt(key, ENCRYPTED_WRONG_PASSWORD)));
        post(exchanged, par, Map.of("password", "1234"));
        api.put("/users/me/connections/" + par + "?psu_requested=false").bearer(exchanged).send();
        BankVisit visit = new BankVisit(api, client, new TestUser(userId(exchanged), exchanged));
        visit.walk(visit.link(visit.newConnection("openapiwebsite", "par")), "accept", LOGIN);
        visit.walk(visit.link(visit.newConnection("openapiwebsite", "par")), "deny", LOGIN);
        api.delete("/auth/token").bearer(token).send();
    }

    private long userId(String token) {
        return api.get("/users/me").bearer(token).send().json().get("id").asLong();
    }

    private long create(String token, String scenario) {
        TestApi.Response response = api.post("/users/me/connections").bearer(token)
                .json(TestConnector.fields(scenario).with("login", LOGIN).map()).send();
        return response.status() < 300 ? response.json().get("id").asLong() : -1;
    }

    private void resume(String token, long id, String scenario) {
        switch (scenario) {
            case "additionalInformationNeeded" -> post(token, id, Map.of("openapisms", "abcd"));
            case "doubleotp" -> {
                post(token, id, Map.of("openapisms", "abcd"));
                post(token, id, Map.of("openapisms", "efgh"));
            }
            case "shortDecoupled", "AppValidationCancelled", "AppValidationExpired" -> {
                clock.advance(Duration.ofSeconds(6));
                post(token, id, Map.of("resume", "true"));
            }
            case "SCARequiredAndOTP" -> {
                post(token, id, Map.of());
                post(token, id, Map.of("openapisms", "abcd"));
            }
            default -> api.put("/users/me/connections/" + id + "?psu_requested=false").bearer(token).send();
        }
    }

    private void post(String token, long id, Map<String, String> body) {
        api.post("/users/me/connections/" + id).bearer(token).json(body).send();
    }
}
