package dev.passerelle.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.config.DataDirectory;
import dev.passerelle.server.config.PublicUrl;
import dev.passerelle.server.console.ConsoleProperties.OperatorConfig;
import dev.passerelle.server.support.AtOnce;
import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.MutableClock;
import dev.passerelle.server.support.TestApi;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Signing in to the console over HTTP: sessions, CSRF tokens on every form, the lockout, the
 * second factor and logout. Operators from configuration: a password, and a password with TOTP.
 */
@IntegrationTest
@TestPropertySource(properties = {
        "passerelle.console.operators[0].login=alice",
        "passerelle.console.operators[0].password=" + ConsoleLoginTest.PASSWORD,
        "passerelle.console.operators[1].login=bob",
        "passerelle.console.operators[1].password=" + ConsoleLoginTest.PASSWORD,
        "passerelle.console.operators[1].totp-secret=" + ConsoleLoginTest.TOTP_KEY,
        "passerelle.console.lockout-failures=3",
        "passerelle.http.trusted-proxies=127.0.0.1,::1"})
class ConsoleLoginTest {

    static final String PASSWORD = "correct horse battery staple";
    /** Base32 of the RFC 6238 test key "12345678901234567890". */
    static final String TOTP_KEY = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    @Autowired
    TestApi api;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Operators operators;
    @Autowired
    ConsoleSessions sessions;
    @Autowired
    DataDirectory dataDirectory;
    @Autowired
    PublicUrl publicUrl;

    @AfterEach
    void forget() {
        jdbc.sql("DELETE FROM console_login_failure").update();
        clock.reset();
    }

    private ConsoleClient browser() {
        return new ConsoleClient(api.base());
    }

    private String code(long offsetSteps) {
        return Totp.code(Base32.decode(TOTP_KEY), Totp.step(clock.instant()) + offsetSteps, Totp.DIGITS, "HmacSHA1");
    }

    @Test
    void theConsoleAsksToSignInFirst() {
        ConsoleClient browser = browser();

        ConsoleClient.Page page = browser.get("/console");

        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).endsWith("/2.0/console/login");
        ConsoleClient.Page login = browser.get("/console/login");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.body()).contains("name=\"_csrf\"");
        assertThat(login.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
        assertThat(login.header("Cache-Control")).isEqualTo("no-store");
    }

    /** OPTIONS changes nothing (RFC 9110 §9.2.1): without a session it goes to the login page, never a 500 (the fuzz suite found it). */
    @Test
    void anOptionsRequestWithoutASessionGoesToTheLoginPage() {
        TestApi.Response options = api.method("OPTIONS", "/console/clients").send();

        assertThat(options.status()).isEqualTo(302);
        assertThat(options.header("Location")).endsWith("/2.0/console/login");
    }

    /**
     * The guard refuses a form without a session on every path under /console, also where no page
     * answers (an empty segment, a trailing slash, a lower-case method): a 403 page, never a 500
     * (the 100,000-request fuzz run found them).
     */
    @Test
    void aRequestToAPathNoPageAnswersIsRefusedWithoutASessionNeverA500() {
        for (String path : List.of("/console/users//delete", "/console/webhooks//test", "/console/webhooks/deliveries/")) {
            assertThat(api.post(path).send().status()).as("POST " + path).isEqualTo(403);
            assertThat(api.method("get", path).send().status()).as("get " + path).isEqualTo(403);
        }
    }

    /**
     * Spring MVC routes an address with {@code ;parameters} or percent-escapes in its path to the
     * page its plain spelling names: the guard must see it so too, or the login form takes a post
     * without its token (login CSRF), the code form fails with a 500, and the headers are missing.
     */
    @Test
    void anAddressSpelledAnotherWayGoesThroughTheGuardToo() {
        for (String login : List.of("/console;x/login", "/%63onsole/login", "/console/login;x")) {
            ConsoleClient browser = browser();

            ConsoleClient.Page form = browser.get(login);
            ConsoleClient.Page forged = browser.postRaw(login, Map.of("login", "alice", "password", PASSWORD));

            assertThat(form.header("Content-Security-Policy")).as(login).contains("frame-ancestors 'none'");
            assertThat(forged.status()).as(login).isEqualTo(403);
            assertThat(browser.cookie("passerelle_console")).as(login).isNull();
        }
        ConsoleClient pending = browser();
        pending.logIn("bob", PASSWORD);
        assertThat(pending.post("/console;x/login/code", Map.of("code", code(0))).status()).isEqualTo(403);
    }

    /**
     * The answers no console page renders (a method the path does not take, parameters that cannot
     * be read, a body too large) still carry the console's headers: never framed, never cached.
     */
    @Test
    void everyConsoleAnswerCarriesTheSecurityHeadersAlsoWhenNoPageAnswers() {
        List<TestApi.Response> answers = List.of(
                api.method("DELETE", "/console/operators").send(),
                api.post("/console/operators").raw("application/x-www-form-urlencoded", "login=%zz").send(),
                api.post("/console/operators").raw("application/x-www-form-urlencoded", "x".repeat(70_000)).send());

        assertThat(answers).extracting(TestApi.Response::status).containsExactly(405, 400, 413);
        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
            assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
            assertThat(answer.header("Referrer-Policy")).isEqualTo("no-referrer");
        });
    }

    /** A cookie's path is the console's, however the request spelled the context path ({@code ;} is no cookie path's character). */
    @Test
    void theCookiesKeepTheConsolesPathWhateverTheAddressSpelledIt() {
        ConsoleClient browser = new ConsoleClient(api.base() + ";x");

        ConsoleClient.Page form = browser.get("/console/login");

        assertThat(form.status()).isEqualTo(200);
        assertThat(form.headers().allValues("Set-Cookie")).singleElement().asString().contains("Path=/2.0/console;");
    }

    @Test
    void aRightPasswordOpensASessionWithAStrictHttpOnlyCookie() {
        ConsoleClient browser = browser();

        ConsoleClient.Page signedIn = browser.logIn("alice", PASSWORD);

        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.location()).endsWith("/2.0/console");
        assertThat(signedIn.headers().allValues("Set-Cookie")).anyMatch(cookie -> cookie.startsWith("passerelle_console=")
                && cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && !cookie.contains("Secure"));
        ConsoleClient.Page dashboard = browser.get("/console");
        assertThat(dashboard.status()).isEqualTo(200);
        assertThat(dashboard.body()).contains("id=\"count-users\"");
        assertThat(jdbc.sql("SELECT token_hash FROM console_session").query(String.class).list())
                .doesNotContain(browser.cookie("passerelle_console").getValue());
    }

    @Test
    void overHttpsThroughATrustedProxyTheCookiesAreSecure() {
        ConsoleClient plain = browser();
        ConsoleClient proxied = browser().withHeader("X-Forwarded-Proto", "https");

        ConsoleClient.Page overHttp = plain.get("/console/login");
        ConsoleClient.Page overHttps = proxied.get("/console/login");

        assertThat(overHttp.headers().allValues("Set-Cookie")).singleElement().asString()
                .startsWith("passerelle_console_login=").contains("HttpOnly", "SameSite=Strict").doesNotContain("Secure");
        assertThat(overHttps.headers().allValues("Set-Cookie")).singleElement().asString()
                .startsWith("passerelle_console_login=").contains("HttpOnly", "SameSite=Strict", "Secure");
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefusedAndChangesNothing() {
        ConsoleClient browser = browser();
        browser.logIn("alice", PASSWORD);

        ConsoleClient.Page forged = browser.postRaw("/console/logout", Map.of());
        ConsoleClient.Page wrong = browser.postRaw("/console/logout", Map.of("_csrf", "forged"));

        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.body()).contains("did not come from the console");
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(browser.get("/console").status()).as("still signed in").isEqualTo(200);
    }

    /**
     * A search form is sent as a GET, its fields in the address: it carries no token, which would be
     * left in the browser's history and the proxies' logs. A token in the address is refused.
     */
    @Test
    void theCsrfTokenNeverTravelsInTheAddress() {
        ConsoleClient browser = browser();
        browser.logIn("alice", PASSWORD);
        ConsoleClient.Page users = browser.get("/console/users");
        String token = browser.csrf();

        ConsoleClient.Page inQuery = browser.postRaw("/console/logout?_csrf=" + token, Map.of());
        ConsoleClient.Page encoded = browser.postRaw("/console/logout?%5Fcsrf=" + token, Map.of("_csrf", token));

        assertThat(users.body()).containsPattern("(?s)<form method=\"get\"[^>]*>(?:(?!</form>).)*name=\"search\"")
                .doesNotContainPattern("(?s)<form method=\"get\"[^>]*>(?:(?!</form>).)*name=\"_csrf\"");
        assertThat(inQuery.status()).isEqualTo(403);
        assertThat(encoded.status()).isEqualTo(403);
        assertThat(browser.get("/console").status()).as("still signed in").isEqualTo(200);
    }

    @Test
    void theLoginFormItselfNeedsItsToken() {
        ConsoleClient browser = browser();
        browser.get("/console/login");

        ConsoleClient.Page forged = browser.postRaw("/console/login", Map.of("login", "alice", "password", PASSWORD));

        assertThat(forged.status()).isEqualTo(403);
        assertThat(browser.get("/console").status()).isEqualTo(302);
    }

    /** Counted before the check: a burst cannot pass a lock that none of its attempts has counted yet. */
    @Test
    void wrongPasswordsSentAtOnceAreCheckedNoMoreOftenThanTheLockoutAllows() throws Exception {
        List<Integer> statuses = AtOnce.send(12, () -> browser().logIn("alice", "wrong password").status());

        // At most the two wrong answers the limit leaves before the lock: which of the burst's first
        // attempts is told "wrong" and which "locked" depends on the order they finish in.
        assertThat(statuses).as("at most two wrong, the rest locked, refused unchecked")
                .containsOnly(401, 429).filteredOn(status -> status == 401).hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void repeatedFailuresLockTheLoginEvenWithTheRightPasswordAndUnknownLoginsAlike() {
        ConsoleClient browser = browser();
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThat(browser.logIn("alice", "wrong password").status()).isEqualTo(401);
        }

        ConsoleClient.Page third = browser.logIn("alice", "wrong password");
        ConsoleClient.Page right = browser.logIn("alice", PASSWORD);

        assertThat(third.status()).isEqualTo(429);
        assertThat(third.body()).contains("locked until");
        assertThat(right.status()).as("locked, whatever the password").isEqualTo(429);
        for (int attempt = 0; attempt < 3; attempt++) {
            browser.logIn("nobody", "wrong password");
        }
        assertThat(browser.logIn("nobody", "x").body()).as("an unknown login reads alike").contains("locked until");

        clock.advance(Duration.ofMinutes(16));

        assertThat(browser.logIn("alice", PASSWORD).status()).isEqualTo(302);
    }

    /** A lock keeps the count it reached (so that racing attempts never read a lower one); it starts again once the lock ends. */
    @Test
    void aLockThatEndedLetsTheLimitsWrongPasswordsBeTriedAgain() {
        ConsoleClient browser = browser();
        for (int attempt = 0; attempt < 3; attempt++) {
            browser.logIn("bob", "wrong password");
        }
        assertThat(browser.logIn("bob", "wrong password").status()).as("locked").isEqualTo(429);

        clock.advance(Duration.ofMinutes(16));

        assertThat(browser.logIn("bob", "wrong password").status()).isEqualTo(401);
        assertThat(browser.logIn("bob", "wrong password").status()).isEqualTo(401);
        assertThat(browser.logIn("bob", "wrong password").status()).as("the limit again").isEqualTo(429);
    }

    @Test
    void anOperatorWithASecondFactorNeedsTheCodeAndACodeWorksOnce() {
        ConsoleClient browser = browser();

        ConsoleClient.Page password = browser.logIn("bob", PASSWORD);

        assertThat(password.location()).endsWith("/console/login/code");
        assertThat(browser.get("/console").location()).as("no console before the code").endsWith("/console/login/code");
        browser.get("/console/login/code");
        assertThat(browser.post("/console/login/code", Map.of("code", "000000")).status()).isEqualTo(401);
        String code = code(0);
        ConsoleClient.Page coded = browser.post("/console/login/code", Map.of("code", code));
        assertThat(coded.status()).isEqualTo(302);
        assertThat(browser.get("/console").status()).isEqualTo(200);

        ConsoleClient other = browser();
        other.logIn("bob", PASSWORD);
        other.get("/console/login/code");
        assertThat(other.post("/console/login/code", Map.of("code", code)).status()).as("replayed code").isEqualTo(401);
    }

    /**
     * A configured operator is changed or revoked in the configuration, then the server restarts
     * (the start-up again, with the new configuration): a new password ends the sessions opened with
     * the old one, and an operator the configuration no longer lists can no longer sign in.
     */
    @Test
    void aRestartWithAnotherPasswordOrWithoutTheOperatorEndsItsSessions() {
        OperatorConfig alice = new OperatorConfig("alice", PASSWORD, null);
        OperatorConfig bob = new OperatorConfig("bob", PASSWORD, TOTP_KEY);
        restartWith(alice, bob, new OperatorConfig("dave", PASSWORD, null));
        ConsoleClient dave = browser();
        dave.logIn("dave", PASSWORD);
        ConsoleClient kept = browser();
        kept.logIn("alice", PASSWORD);

        restartWith(alice, bob, new OperatorConfig("dave", "a new password for dave", null));

        assertThat(dave.get("/console").status()).as("signed in with the old password").isEqualTo(302);
        assertThat(kept.get("/console").status()).as("an unchanged operator stays signed in").isEqualTo(200);
        dave.logIn("dave", "a new password for dave");
        assertThat(dave.get("/console").status()).isEqualTo(200);

        restartWith(alice, bob);

        assertThat(dave.get("/console").status()).as("revoked").isEqualTo(302);
        assertThat(dave.logIn("dave", "a new password for dave").status()).isEqualTo(401);
        assertThat(kept.get("/console").status()).isEqualTo(200);
    }

    /**
     * Setting up a second factor ends the operator's other sessions, opened with the password alone
     * (maybe by whoever made the operator set it up), as a new password does; so does another
     * operator removing it.
     */
    @Test
    void settingUpOrRemovingTheSecondFactorEndsTheOtherSessions() {
        ConsoleClient admin = aliceCreating("erin");
        ConsoleClient erin = browser();
        erin.logIn("erin", PASSWORD);
        ConsoleClient elsewhere = browser();
        elsewhere.logIn("erin", PASSWORD);
        erin.get("/console/account");
        Matcher key = Pattern.compile("id=\"totp-key\"[^>]*>([A-Z2-7]+)<")
                .matcher(erin.post("/console/account/second-factor", Map.of()).body());
        assertThat(key.find()).isTrue();

        ConsoleClient.Page confirmed = erin.post("/console/account/second-factor/confirm", Map.of("code",
                Totp.code(Base32.decode(key.group(1)), Totp.step(clock.instant()), Totp.DIGITS, "HmacSHA1")));

        assertThat(confirmed.status()).isEqualTo(302);
        assertThat(elsewhere.get("/console").status()).as("opened with the password alone").isEqualTo(302);
        assertThat(erin.get("/console").status()).as("the session that set it up").isEqualTo(200);

        admin.get("/console/operators");
        admin.post("/console/operators/" + operators.byLogin("erin").orElseThrow().id() + "/second-factor", Map.of());

        assertThat(erin.get("/console").status()).as("opened with the factor now removed").isEqualTo(302);
        assertThat(admin.get("/console").status()).isEqualTo(200);
    }

    /**
     * Whoever holds an operator's session (a computer left unlocked) cannot guess the password on the
     * Account page without end: a wrong current password counts as a failed login of that name.
     */
    @Test
    void wrongCurrentPasswordsOnTheAccountPageLockTheLogin() {
        aliceCreating("grace");
        ConsoleClient session = browser();
        session.logIn("grace", PASSWORD);
        for (int attempt = 0; attempt < 2; attempt++) {
            session.get("/console/account");
            assertThat(session.post("/console/account/password", Map.of("current", "a guess " + attempt,
                    "replacement", "the thief's password")).status()).isEqualTo(400);
        }
        session.get("/console/account");
        assertThat(session.post("/console/account/password", Map.of("current", "the last guess",
                "replacement", "the thief's password")).status()).as("the guess that locks").isEqualTo(429);

        session.get("/console/account");
        ConsoleClient.Page right = session.post("/console/account/password",
                Map.of("current", PASSWORD, "replacement", "the thief's password"));

        assertThat(right.status()).as("locked, whatever the password").isEqualTo(429);
        assertThat(browser().logIn("grace", PASSWORD).status()).isEqualTo(429);
        clock.advance(Duration.ofMinutes(16));
        assertThat(browser().logIn("grace", PASSWORD).status()).as("the password did not change").isEqualTo(302);
    }

    /** Alice, signed in, once she created the operator {@code login} in the console (whose credentials the console may change). */
    private ConsoleClient aliceCreating(String login) {
        ConsoleClient alice = browser();
        alice.logIn("alice", PASSWORD);
        alice.get("/console/operators");
        alice.post("/console/operators", Map.of("login", login, "password", PASSWORD));
        return alice;
    }

    private void restartWith(OperatorConfig... configured) {
        new ConsoleStartup(operators, sessions, new ConsoleProperties(List.of(configured), null, null, null, null, null),
                dataDirectory, publicUrl).onReady();
    }

    @Test
    void loggingOutEndsTheSession() {
        ConsoleClient browser = browser();
        browser.logIn("alice", PASSWORD);
        browser.get("/console");

        ConsoleClient.Page out = browser.post("/console/logout", Map.of());

        assertThat(out.status()).isEqualTo(302);
        assertThat(browser.get("/console").status()).isEqualTo(302);
    }

    @Test
    void anIdleSessionEnds() {
        ConsoleClient browser = browser();
        browser.logIn("alice", PASSWORD);

        clock.advance(Duration.ofMinutes(31));

        assertThat(browser.get("/console").status()).isEqualTo(302);
    }
}
