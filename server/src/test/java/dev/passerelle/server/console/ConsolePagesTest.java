package dev.passerelle.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.SandboxMode;
import dev.passerelle.server.support.TestApi;
import dev.passerelle.server.support.TestUsers;
import dev.passerelle.server.support.TestUsers.TestUser;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Every console page over HTTP, in English and French: it renders (no message key left
 * untranslated), and the actions change what they say. The browser walk is {@code ConsoleBrowserTest}.
 */
@IntegrationTest
@SandboxMode
@TestPropertySource(properties = {
        "passerelle.console.operators[0].login=carol",
        "passerelle.console.operators[0].password=" + ConsolePagesTest.PASSWORD})
class ConsolePagesTest {

    static final String PASSWORD = "a long enough password";
    static final String UUID = "338178e6-3d01-564f-9a7b-52ca442459bf";
    private static final Pattern CLIENT_ID = Pattern.compile("id=\"client-id\">(\\d+)<");

    @Autowired
    TestApi api;
    @Autowired
    TestUsers users;

    private ConsoleClient browser;
    private TestUser user;
    private long connection;

    @BeforeEach
    void signIn() {
        browser = new ConsoleClient(api.base());
        assertThat(browser.logIn("carol", PASSWORD).status()).isEqualTo(302);
        user = users.permanent();
        connection = api.post("/users/me/connections").bearer(user.token())
                .json(Map.of("connector_uuid", UUID, "login", "l", "password", "1234")).send().json().get("id").asLong();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr"})
    void everyPageRendersInEveryLanguage(String lang) {
        List<String> pages = List.of("/console", "/console/clients", "/console/clients/new", "/console/clients/10000001",
                "/console/clients/preview?display_name=Acme&primary_color=F45B9A", "/console/connectors",
                "/console/connectors/" + UUID, "/console/users", "/console/users?search=" + user.id(),
                "/console/users/" + user.id(), "/console/users/" + user.id() + "/connections/" + connection,
                "/console/webhooks", "/console/config", "/console/config/logs", "/console/operators", "/console/account");
        for (String page : pages) {
            ConsoleClient.Page shown = browser.get(page + (page.contains("?") ? "&" : "?") + "lang=" + lang);
            assertThat(shown.status()).as("%s", page).isEqualTo(200);
            assertThat(shown.body()).as("%s", page).doesNotContain("??").contains("lang=\"" + lang + "\"");
        }
    }

    /** The connection page's alert names the code a sync failed with, never text the address brought. */
    @Test
    void theSyncAlertShowsAnErrorCodeNeverTextFromTheAddress() {
        String page = "/console/users/" + user.id() + "/connections/" + connection;

        ConsoleClient.Page spoofed = browser.get(page + "?syncFailed=" + URLEncoder.encode(
                "your account is blocked, call +33 1 23 45 67 89", StandardCharsets.UTF_8));
        ConsoleClient.Page failed = browser.get(page + "?syncFailed=wrongpass");

        assertThat(spoofed.status()).isEqualTo(200);
        assertThat(spoofed.body()).doesNotContain("call +33").doesNotContain("The sync failed");
        assertThat(failed.body()).contains("The sync failed: wrongpass.");
    }

    @Test
    void aClientCreatedInTheConsoleShowsItsSecretOnceAndWorks() {
        browser.get("/console/clients/new");

        ConsoleClient.Page created = browser.post("/console/clients", Map.of("name", "Console Co",
                "redirectUris", "https://console.example/cb", "displayName", "Console Co", "primaryColor", "0b5cad"));

        assertThat(created.status()).isEqualTo(200);
        Matcher id = CLIENT_ID.matcher(created.body());
        assertThat(id.find()).isTrue();
        Matcher secret = Pattern.compile("id=\"client-secret\" class=\"secret\">([^<]+)<").matcher(created.body());
        assertThat(secret.find()).isTrue();
        assertThat(api.post("/auth/init").form(Map.of("client_id", id.group(1), "client_secret", secret.group(1))).send()
                .status()).isEqualTo(200);
        assertThat(browser.get("/console/clients/" + id.group(1)).body()).doesNotContain(secret.group(1));
    }

    /**
     * A name carrying bidirectional overrides (CVE-2021-42574) would read "Acme exe.png Co" in the
     * list: it is shown isolated (dir="auto") with its controls visible, and is stored as given (the
     * edit form holds it unchanged).
     */
    @Test
    void aClientNameWithBidirectionalControlsIsShownIsolatedWithTheControlsVisibleAndStoredAsGiven() {
        String name = "Acme \u202Egnp.exe\u202C Co";
        browser.get("/console/clients/new");
        ConsoleClient.Page created = browser.post("/console/clients", Map.of("name", name,
                "redirectUris", "https://bidi.example/cb", "displayName", "Bidi", "primaryColor", "0b5cad"));
        Matcher id = CLIENT_ID.matcher(created.body());
        assertThat(id.find()).isTrue();

        String list = browser.get("/console/clients").body();
        String page = browser.get("/console/clients/" + id.group(1)).body();

        assertThat(list).contains("dir=\"auto\">Acme \uFFFDgnp.exe\uFFFD Co<").doesNotContain("\u202E");
        assertThat(page).contains("<title dir=\"auto\">Acme \uFFFDgnp.exe\uFFFD Co · ").contains("value=\"" + name + "\"");
    }

    /**
     * Issue "a client created in the console lets a new integrator run the README walkthrough and the
     * webview": the README's curl walkthrough, step by step with the new client's id and secret, then
     * its webview, branded as the console set it.
     */
    @Test
    void aClientCreatedInTheConsoleRunsTheWalkthroughAndOpensItsBrandedWebview() {
        String callback = api.base() + "/demo/callback";
        browser.get("/console/clients/new");
        ConsoleClient.Page created = browser.post("/console/clients", Map.of("name", "Walkthrough Co",
                "redirectUris", callback, "displayName", "Walkthrough & Co", "primaryColor", "7A1FA2",
                "logoUrl", "https://cdn.walkthrough.example/logo.png",
                "consentText", "Walkthrough Co reads your accounts.", "privacyUrl", "https://walkthrough.example/privacy"));
        Matcher id = CLIENT_ID.matcher(created.body());
        Matcher secret = Pattern.compile("id=\"client-secret\" class=\"secret\">([^<]+)<").matcher(created.body());
        assertThat(id.find() && secret.find()).as("%s", created.body()).isTrue();

        // 1. A user and its permanent token.
        String token = api.post("/auth/init").form(Map.of("client_id", id.group(1), "client_secret", secret.group(1)))
                .send().json().get("auth_token").asString();
        // 2. The connectors.
        assertThat(api.get("/connectors?expand=sources,fields").send().json().get("connectors").findValuesAsString("uuid"))
                .contains(UUID);
        // 3. A connection to the test connector.
        TestApi.Response connection = api.post("/users/me/connections").bearer(token).json(Map.of("connector_uuid", UUID,
                "login", "alice", "password", "1234", "directaccesswebsite", "par")).send();
        assertThat(connection.status()).as("%s", connection).isEqualTo(200);
        long connectionId = connection.json().get("id").asLong();
        // 4. Its accounts, activated.
        List<String> accounts = api.get("/users/me/connections/" + connectionId + "/accounts?all").bearer(token).send()
                .json().get("accounts").findValuesAsString("id");
        assertThat(accounts).isNotEmpty();
        assertThat(api.put("/users/me/connections/" + connectionId + "/accounts/" + accounts.getFirst() + "?all")
                .bearer(token).json(Map.of("disabled", false)).send().status()).isEqualTo(200);
        // 5. Their transactions.
        assertThat(api.get("/users/me/transactions?limit=5").bearer(token).send().json().get("transactions")).isNotEmpty();
        // 7. A temporary code for the webview.
        assertThat(api.get("/auth/token/code?type=singleAccess").bearer(token).send().json().get("code").asString())
                .isNotBlank();

        TestApi.Response webview = api.get("/webview/en/connect?client_id=" + id.group(1) + "&redirect_uri="
                + URLEncoder.encode(callback, StandardCharsets.UTF_8)).send();
        assertThat(webview.status()).isEqualTo(200);
        assertThat(webview.text()).contains("id=\"brand-name\">Walkthrough &amp; Co<")
                .contains("src=\"https://cdn.walkthrough.example/logo.png\"")
                .contains("Walkthrough Co reads your accounts.")
                .contains("href=\"https://walkthrough.example/privacy\"")
                .contains("/webview/theme.css?color=7A1FA2");
        assertThat(webview.header("Content-Security-Policy")).contains("img-src 'self' data: https://cdn.walkthrough.example;");
        assertThat(api.get("/webview/theme.css?color=7A1FA2").send().text()).contains("--accent: #7a1fa2; --accent-ink: #ffffff;");
    }

    @Test
    void aClientWithoutBrandingGetsTheWebviewsOwnLook() {
        TestApi.Response webview = api.get("/webview/en/connect?client_id=10000001&redirect_uri="
                + URLEncoder.encode(api.base() + "/demo/callback", StandardCharsets.UTF_8)).send();

        assertThat(webview.status()).isEqualTo(200);
        assertThat(webview.text()).doesNotContain("theme.css").doesNotContain("class=\"consent\"");
        assertThat(webview.header("Content-Security-Policy")).contains("img-src 'self' data:;");
    }

    @Test
    void anInvalidClientIsShownAgainWithTheReason() {
        browser.get("/console/clients/new");

        ConsoleClient.Page refused = browser.post("/console/clients", Map.of("name", "Bad", "redirectUris", "http://evil.example/cb"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("role=\"alert\"").contains("use https://").contains("value=\"Bad\"");
    }

    @Test
    void hidingAConnectorInTheConsoleHidesItFromTheApi() {
        browser.get("/console/connectors");

        browser.post("/console/connectors/" + UUID + "/hidden", Map.of("hidden", "true"));
        List<String> hidden = api.get("/connectors").send().json().get("connectors").findValuesAsString("uuid");
        browser.get("/console/connectors");
        browser.post("/console/connectors/" + UUID + "/hidden", Map.of("hidden", "false"));

        assertThat(hidden).doesNotContain(UUID);
        assertThat(api.get("/connectors").send().json().get("connectors").findValuesAsString("uuid")).contains(UUID);
        assertThat(browser.get("/console/config/logs").body()).contains("operator carol");
    }

    @Test
    void theSupportPageSyncsAndShowsTheTimeline() {
        String page = "/console/users/" + user.id() + "/connections/" + connection;
        browser.get(page);

        ConsoleClient.Page synced = browser.post(page + "/sync", Map.of());

        assertThat(synced.location()).endsWith(page + "?synced");
        ConsoleClient.Page shown = browser.get(page + "?synced");
        assertThat(shown.body()).contains("id=\"timeline\"").contains("admin");
    }

    @Test
    void theExportDownloadsTheUsersData() {
        ConsoleClient.Page export = browser.get("/console/users/" + user.id() + "/export");

        assertThat(export.status()).isEqualTo(200);
        assertThat(export.header("Content-Disposition")).contains("passerelle-user-" + user.id() + ".json");
        assertThat(export.body()).contains("\"connections\"");
    }
}
