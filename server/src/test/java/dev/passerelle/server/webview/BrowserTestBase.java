package dev.passerelle.server.webview;

import dev.passerelle.server.clients.ClientApplications;
import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.MutableClock;
import dev.passerelle.server.support.SandboxMode;
import dev.passerelle.server.support.TestApi;
import dev.passerelle.server.support.TestConnector;
import dev.passerelle.server.support.TestUsers.TestUser;
import dev.passerelle.server.support.TestUsers;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The base of the webview's browser tests: one Chromium per test class, a fresh client whose
 * redirect URI is the demo callback page, and the steps every flow shares. Tagged {@code browser}:
 * excluded by default, run by CI (see the README).
 */
@IntegrationTest
@SandboxMode
@Tag("browser")
@TestPropertySource(properties = "passerelle.sandbox.enabled=true") // the sandbox PSD2 bank is there in sandbox mode only
abstract class BrowserTestBase {

    static final String TEST_BANK = TestConnector.UUID;

    static Browser browser;

    @Autowired
    TestApi api;
    @Autowired
    ClientApplications clients;
    @Autowired
    MutableClock clock;
    @Autowired
    TestUsers users;

    WebviewClient client;

    @BeforeAll
    static void openBrowser() {
        browser = Browser.open();
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }

    @BeforeEach
    void newClient() {
        client = WebviewClient.registerIn(clients, api);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    /** Opens the connect webview and picks the test connector. */
    void connectToTestBank(String lang, String more) {
        browser.go(client.url(lang, "connect", more));
        browser.screen("picker");
        browser.click("button.connector[data-uuid='" + TEST_BANK + "']");
        browser.screen("credentials");
    }

    /** Fills the test connector's credentials form with a scenario ({@code null}: the default) and submits. */
    void submitCredentials(String password, String scenario) {
        browser.type("#field-login", TestConnector.LOGIN);
        browser.type("#field-password", password);
        if (scenario != null) {
            browser.choose("#field-directaccesswebsite", scenario);
        }
        browser.click("#submit");
    }

    /** At the sandbox bank's login page: logs in as jdupont and waits for the consent screen. */
    void logInAtTheSandboxBank() {
        browser.find("form[action=authorize]");
        browser.type("#login", "jdupont");
        browser.type("#password", "1234");
        browser.click("button[type=submit]");
        browser.find("button[value=accept]");
    }

    /** A fresh temporary code of {@code type} ({@code requestAccess}, {@code singleAccess}) for the user's token. */
    String code(String token, String type) {
        return api.get("/auth/token/code?type=" + type).bearer(token).send().json().get("code").asString();
    }

    /** How many connections the user has, read with their permanent token. */
    int connectionsOf(String token) {
        return api.get("/users/me/connections").bearer(token).send().json().get("total").asInt();
    }

    /** The value of a callback parameter shown by the demo callback page. */
    String callbackParam(String name) {
        browser.screen("callback");
        return browser.text("#param-" + name);
    }

    /** A user of the test connector with one connection in {@code scenario}, added through the API. */
    UserWithConnection userWithConnection(String scenario) {
        TestUser user = users.permanent();
        TestApi.Response added = api.post("/users/me/connections").bearer(user.token())
                .json(TestConnector.fields(scenario).map())
                .send();
        if (added.status() != 200) {
            throw new AssertionError("adding " + scenario + " answered " + added);
        }
        String code = api.get("/auth/token/code").bearer(user.token()).send().json().get("code").asString();
        return new UserWithConnection(user.token(), code, added.json().get("id").asLong());
    }

    /** A user's permanent token, a temporary code for the webview, and the id of their connection. */
    record UserWithConnection(String token, String code, long connectionId) {
        String connectionPath() {
            return "/users/me/connections/" + connectionId;
        }
    }
}
