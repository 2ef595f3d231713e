package dev.passerelle.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.auth.AuthSteps;
import dev.passerelle.server.config.DataDirectory;
import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.MutableClock;
import dev.passerelle.server.support.SandboxMode;
import dev.passerelle.server.support.TestApi;
import dev.passerelle.server.support.TestUsers;
import dev.passerelle.server.support.TestUsers.TestUser;
import dev.passerelle.server.users.UserAccounts;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The console in a real Chromium: every page and action, each page checked with axe-core (no
 * violation) and at 390 px wide, in English and French; the login's lockout and the refusal of a
 * form without its CSRF token. Saves the screenshots of docs/console.md.
 */
@IntegrationTest
@SandboxMode
@Tag("browser")
@TestPropertySource(properties = {
        "passerelle.sandbox.enabled=true",
        "passerelle.console.operators[0].login=olivia",
        "passerelle.console.operators[0].password=" + ConsoleBrowserTest.PASSWORD,
        "passerelle.console.lockout-failures=3"})
class ConsoleBrowserTest {

    static final String PASSWORD = "olivia's long password";
    static final String UUID = "338178e6-3d01-564f-9a7b-52ca442459bf";

    @Autowired
    TestApi api;
    @Autowired
    TestUsers users;
    @Autowired
    UserAccounts accounts;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataDirectory dataDirectory;

    private ConsoleBrowser browser;

    @BeforeEach
    void openChromium() {
        browser = new ConsoleBrowser(api.base(), "en");
    }

    @AfterEach
    void closeChromium() {
        browser.close();
        jdbc.sql("DELETE FROM console_login_failure").update();
        clock.reset();
    }

    /** The page is accessible (axe-core), fits a phone, and is saved for the docs. */
    private void checkPage(String name) {
        assertThat(browser.accessibilityViolations()).as("axe-core on %s", name).isEmpty();
        assertThat(browser.fitsAPhone()).as("%s at %d px", name, ConsoleBrowser.PHONE_WIDTH).isTrue();
        browser.screenshot("console-" + name);
    }

    private void signIn(String login, String password) {
        browser.go("/console/login");
        browser.type("#login", login);
        browser.type("#password", password);
        browser.clickAndLoad("button[type=submit]");
    }

    @Test
    void anOperatorWalksEveryPageAndAction() {
        TestUser user = users.permanentOf(10_000_001L);
        long connection = api.post("/users/me/connections").bearer(user.token())
                .json(Map.of("connector_uuid", UUID, "login", "jdupont", "password", "1234")).send().json().get("id").asLong();

        browser.go("/console");
        assertThat(browser.path()).isEqualTo("/console/login");
        checkPage("login");
        signIn("olivia", PASSWORD);
        assertThat(browser.text("#count-users")).isNotBlank();
        checkPage("dashboard");

        browser.clickAndLoad("#main a[href$='/console/clients'], nav a[href$='/console/clients']");
        checkPage("clients");
        browser.clickAndLoad("#new-client");
        browser.type("#name", "Acme Budget");
        String callback = api.base() + "/demo/callback";
        browser.type("#redirectUris", "https://acme.example/bank/callback\n" + callback);
        browser.type("#displayName", "Acme");
        browser.type("#primaryColor", "7A1FA2");
        browser.type("#consentText", "Acme reads your accounts to build your budget.");
        browser.type("#privacyUrl", "https://acme.example/privacy");
        browser.find("#preview");
        checkPage("client-new");
        browser.clickAndLoad("#save-client");
        String clientId = browser.text("#client-id");
        String secret = browser.text("#client-secret");
        checkPage("client-secret");
        assertThat(api.post("/auth/init").form(Map.of("client_id", clientId, "client_secret", secret)).send().status())
                .isEqualTo(200);
        browser.go("/console/clients/" + clientId);
        assertThat(browser.source()).doesNotContain(secret);
        checkPage("client");

        browser.go("/webview/en/connect?client_id=" + clientId + "&redirect_uri=" + URLEncoder.encode(callback, StandardCharsets.UTF_8));
        assertThat(browser.text("#brand-name")).isEqualTo("Acme");
        assertThat(browser.text("#consent-text")).isEqualTo("Acme reads your accounts to build your budget.");
        browser.click("button.connector[data-uuid='" + UUID + "']");
        browser.find("#screen[data-screen='credentials']");
        checkPage("client-webview");
        browser.type("#field-login", "jdupont");
        browser.type("#field-password", "1234");
        browser.click("#submit");
        browser.find("#screen[data-screen='accounts']");
        browser.click("#confirm");
        assertThat(browser.text("#param-connection_id")).matches("\\d+");

        browser.go("/console/connectors");
        checkPage("connectors");
        browser.clickAndLoad("tr[data-uuid='" + UUID + "'] button.toggle-connector");
        assertThat(api.get("/connectors").send().json().get("connectors").findValuesAsString("uuid")).doesNotContain(UUID);
        browser.clickAndLoad("tr[data-uuid='" + UUID + "'] button.toggle-connector");
        assertThat(api.get("/connectors").send().json().get("connectors").findValuesAsString("uuid")).contains(UUID);
        browser.go("/console/connectors/" + UUID);
        browser.clickAndLoad("tr[data-source='directaccess'] button.toggle-source");
        assertThat(browser.source()).contains("disabled since");
        checkPage("connector");
        browser.clickAndLoad("tr[data-source='directaccess'] button.toggle-source");

        browser.go("/console/users");
        browser.type("#search", Long.toString(connection));
        browser.clickAndLoad("form[role=search] button");
        checkPage("users");
        browser.clickAndLoad("a[href$='/console/users/" + user.id() + "']");
        checkPage("user");
        browser.clickAndLoad("a[href$='/connections/" + connection + "']");
        browser.clickAndLoad("#sync-now");
        assertThat(browser.path()).endsWith("?synced");
        assertThat(browser.text("#timeline")).contains("admin");
        browser.clickAndLoad("#move-clock");
        assertThat(browser.path()).endsWith("?clock");
        checkPage("connection");
        browser.clickConfirmedAndLoad("#delete-connection");
        assertThat(browser.path()).endsWith("/console/users/" + user.id() + "?deleted");
        assertThat(api.get("/users/me/connections").bearer(user.token()).send().json().get("total").asInt()).isZero();

        browser.go("/console/webhooks");
        browser.choose("#client", "Demo application (10000001)");
        browser.type("#url", "http://127.0.0.1:9/hooks");
        browser.click("input[name=events][value=USER_CREATED]");
        checkPage("webhooks");
        browser.clickAndLoad("#register-webhook button[type=submit]");
        assertThat(browser.text("#shown-secret")).isNotBlank();
        checkPage("webhook-secret");
        accounts.createPermanent(10_000_001L);
        browser.clickAndLoad("main a[href*='/console/webhooks/']");
        checkPage("webhook");
        browser.choose("#test-event", "ACCOUNT_SYNCED");
        browser.clickAndLoad("#send-test button[type=submit]");
        assertThat(browser.path()).endsWith("?sent");
        assertThat(browser.text("#payload")).contains("\"balance\"");
        browser.clickAndLoad("main a[href*='/console/webhooks/']");
        browser.clickAndLoad("tbody tr:last-child a[href*='/console/webhooks/deliveries/']"); // the oldest: the USER_CREATED above
        browser.clickAndLoad("#replay");
        assertThat(browser.path()).endsWith("?replayed");
        assertThat(browser.text("#payload")).contains("\"signin\"");
        checkPage("delivery");
        browser.go("/console/webhooks");
        browser.type("#provider-name", "Shared key");
        browser.clickAndLoad("#new-provider button[type=submit]");
        assertThat(browser.text("#shown-secret")).isNotBlank();

        browser.go("/console/config");
        browser.type("input[name='key.webhooks.timeout_seconds']", "15");
        browser.clickAndLoad("#save-config");
        assertThat(api.get("/config?search=timeout").bearer(configToken()).send().json()
                .get("webhooks.timeout_seconds").asLong()).isEqualTo(15);
        checkPage("config");
        browser.clickAndLoad("#audit-log");
        assertThat(browser.text("#config-log")).contains("webhooks.timeout_seconds").contains("operator olivia");
        checkPage("config-logs");

        browser.go("/console/operators");
        browser.type("#new-login", "paul");
        browser.type("#new-password", "paul's long password");
        browser.clickAndLoad("#new-operator button[type=submit]");
        assertThat(browser.source()).contains("paul");
        checkPage("operators");

        browser.go("/console?lang=fr");
        assertThat(browser.source()).contains("Tableau de bord");
        checkPage("dashboard-fr");
        browser.screenshotAtPhoneWidth("console-dashboard-phone");
    }

    @Test
    void anOperatorSetsUpASecondFactorAndSignsInWithIt() {
        signIn("olivia", PASSWORD);
        browser.go("/console/operators");
        browser.type("#new-login", "tess");
        browser.type("#new-password", "tess's long password");
        browser.clickAndLoad("#new-operator button[type=submit]");
        browser.go("/console");
        browser.clickAndLoad("button.link");
        signIn("tess", "tess's long password");

        browser.go("/console/account");
        browser.clickAndLoad("#start-totp");
        byte[] key = Base32.decode(browser.text("#totp-key"));
        browser.type("#confirm-code", Totp.code(key, Totp.step(clock.instant()), Totp.DIGITS, "HmacSHA1"));
        checkPage("account");
        browser.clickAndLoad("#confirm-totp");
        assertThat(browser.path()).endsWith("?secondFactor");
        browser.clickAndLoad("button.link");

        signIn("tess", "tess's long password");
        assertThat(browser.path()).isEqualTo("/console/login/code");
        checkPage("login-code");
        browser.type("#code", Totp.code(key, Totp.step(clock.instant()) + 1, Totp.DIGITS, "HmacSHA1"));
        browser.clickAndLoad("main form button[type=submit]");
        assertThat(browser.path()).isEqualTo("/console");
    }

    @Test
    void repeatedWrongPasswordsLockTheLogin() {
        for (int attempt = 0; attempt < 3; attempt++) {
            signIn("olivia", "not the password");
        }

        assertThat(browser.text("#login-error")).contains("locked until");
        checkPage("lockout");
        signIn("olivia", PASSWORD);
        assertThat(browser.path()).isEqualTo("/console/login");
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() {
        signIn("olivia", PASSWORD);
        browser.go("/console/config");

        browser.script("document.querySelectorAll('input[name=_csrf]').forEach(function (i) { i.remove(); });");
        browser.clickAndLoad("#save-config");

        assertThat(browser.source()).contains("did not come from the console");
        checkPage("csrf-refused");
        browser.go("/console");
        assertThat(browser.path()).as("still signed in").isEqualTo("/console");
    }

    /**
     * Names are whatever an operator or a client typed, up to their maximum length, in one word: a
     * page that shows one in a heading, the header or a refusal still fits a phone.
     */
    @Test
    void theLongestNamesInOneWordStillFitAPhone() {
        String login = "o".repeat(100);
        signIn("olivia", PASSWORD);
        browser.go("/console/operators");
        browser.type("#new-login", login);
        browser.type("#new-password", PASSWORD);
        browser.clickAndLoad("#new-operator button[type=submit]");
        browser.go("/console/clients/new");
        browser.type("#name", "W".repeat(200));
        browser.clickAndLoad("#save-client");

        assertThat(browser.fitsAPhone()).as("the secret's page").isTrue();
        browser.go("/console/clients/" + browser.text("#client-id"));
        assertThat(browser.fitsAPhone()).as("the client's page").isTrue();
        browser.type("#privacyUrl", "ftp://" + "x".repeat(300));
        browser.clickAndLoad("#save-client");
        assertThat(browser.text("#form-error")).contains("xxxxx");
        assertThat(browser.fitsAPhone()).as("a refusal quoting the value").isTrue();
        browser.clickAndLoad("form[action$='/console/logout'] button");
        signIn(login, PASSWORD);
        assertThat(browser.fitsAPhone()).as("the header with the login").isTrue();
    }

    private String configToken() {
        return AuthSteps.configToken(dataDirectory);
    }
}
