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
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    /**
     * Requests the container cannot parse carry their secrets into its exception messages: a body
     * invalid in its charset, an empty parameter name, too many parameters, a file part, broken
     * JSON. Each is a 4xx, and no log line holds a value.
     */
    @Test
    void malformedRequestsLeaveNoValueInTheLogs(CapturedOutput output) {
        List<String> needles = List.of("needle-utf8-1b9e", "needle-query-5a3f", "needle-empty-name-2e8c",
                "needle-many-8d1a", "needle-json-77f0", "needle-file-c3d1", "needle-latin1-7c2d");
        String token = auth().permanentUser(TestClient.registerIn(clients)).get("auth_token").asString();
        String manyParameters = IntStream.range(0, 1200).mapToObj(i -> "p" + i + "=" + needles.get(3))
                .collect(Collectors.joining("&"));
        List<TestApi.Response> responses = List.of(
                api.post("/auth/init").raw("application/x-www-form-urlencoded",
                        "client_id=10000001&client_secret=" + needles.get(0) + "%E9").send(),
                api.post("/auth/init").raw("application/x-www-form-urlencoded; charset=UTF-8",
                        "client_id=10000001&client_secret=" + needles.get(0) + "%C3%28").send(),
                api.get("/connectors?password=" + needles.get(1) + "%E9").send(),
                api.get("/connectors?=" + needles.get(2)).send(),
                api.get("/users/me/connections?" + manyParameters).bearer(token).send(),
                api.post("/users/me/connections").bearer(token)
                        .raw("application/json", "{\"password\": \"" + needles.get(4) + "\" \"login\": 1}").send(),
                api.post("/auth/token/code").bearer(token).raw("multipart/form-data; boundary=XyZ",
                        "--XyZ\r\nContent-Disposition: form-data; name=\"type\"; filename=\"" + needles.get(5)
                                + "\"\r\n\r\n" + needles.get(5) + "\r\n--XyZ--\r\n").send(),
                api.post("/auth/init").raw("application/x-www-form-urlencoded; charset=ISO-8859-1",
                        "client_id=10000001&client_secret=" + needles.get(6) + "%E9").send());

        assertThat(responses).allSatisfy(response -> assertThat(response.status()).as(response.toString()).isBetween(400, 499));
        assertThat(responses.getLast().status()).as("a Latin-1 form body is refused, not decoded").isEqualTo(400);
        assertThat(responses.getLast().json().get("code").asString()).isEqualTo("invalidValue");
        String logs = output.getAll();
        for (String needle : needles) {
            assertThat(logs).as("logs").doesNotContain(needle);
        }
    }

    /** Whatever a message or an exception message says, a log record stays one line. */
    @Test
    void logLinesCannotBeForged(CapturedOutput output) {
        String forged = "2031-01-01T00:00:00.000Z ERROR 1 --- [forged] [main] x.y : FORGED-LINE";
        Logger log = LoggerFactory.getLogger("dev.passerelle.server.security.Forgery");

        log.warn("login was {}", "alice\r\n" + forged + "\u0085\u2028" + forged);
        log.warn("failed", new IllegalStateException("value\n" + forged, new RuntimeException("cause\r" + forged)));

        assertThat(output.getAll().lines()).as("no line starts like a record we did not write")
                .noneMatch(line -> line.startsWith("2031-01-01"));
        assertThat(output.getAll()).contains("login was alice\\r\\n2031-01-01T00:00:00.000Z ERROR")
                .contains("IllegalStateException: value\\n2031").contains("RuntimeException: cause\\r2031");
    }

    /** Every line written while serving a request names the id that the client got back. */
    @Test
    void logLinesOfARequestCarryItsRequestId(CapturedOutput output) {
        String token = auth().permanentUser(TestClient.registerIn(clients)).get("auth_token").asString();
        TestApi.Response failed = api.post("/users/me/connections").bearer(token)
                .json(TestConnector.fields("wrongpass").with("login", LOGIN).map()).send();

        String id = failed.header("X-Request-ID");
        assertThat(failed.json().get("request_id").asString()).isEqualTo(id);
        assertThat(output.getAll().lines().filter(line -> line.contains("Connection add on connector 40 failed")))
                .isNotEmpty().allSatisfy(line -> assertThat(line).contains("[" + id + "]"));
    }

    private AuthSteps auth() {
        return new AuthSteps(api);
    }

    private void runEveryFlow() throws Exception {
        AuthSteps auth = auth();
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
