package dev.passerelle.server.webview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.clients.ClientApplications;
import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.SandboxMode;
import dev.passerelle.server.support.TestApi;
import dev.passerelle.server.support.TestUsers;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The checks made before a webview page is served (docs/protocol.md §10.2): plain HTTP, no browser.
 * A refused URL answers an error page, never a redirect.
 */
@IntegrationTest
@SandboxMode
class WebviewPageTest {

    @Autowired
    TestApi api;
    @Autowired
    ClientApplications clients;
    @Autowired
    TestUsers users;

    WebviewClient client;

    @BeforeEach
    void newClient() {
        client = WebviewClient.registerIn(clients, api);
    }

    @Test
    void connectWithAWhitelistedRedirectUriThenThePageCarriesTheCheckedParameters() {
        TestApi.Response page = get(client.url("fr", "connect", "&state=%3Cs%3E&connector_uuids=" + BrowserTestBase.TEST_BANK
                + "&" + BrowserTestBase.TEST_BANK + ".login=jdupont"));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.text()).contains("<html lang=\"fr\">", "&quot;redirectUri&quot;:&quot;" + client.redirectUri() + "&quot;",
                "&quot;state&quot;:&quot;&lt;s&gt;&quot;", "&quot;capabilities&quot;:[&quot;bank&quot;]",
                "&quot;prefill&quot;:{&quot;" + BrowserTestBase.TEST_BANK + "&quot;:{&quot;login&quot;:&quot;jdupont&quot;}}");
    }

    @Test
    void aServedPageIsNeverCachedNorSentAsReferrerAndOnlyTheIntegratorMayFrameIt() {
        TestApi.Response page = get(client.url("en", "connect", ""));

        assertThat(page.header("Cache-Control")).contains("no-store");
        assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(page.header("Content-Security-Policy"))
                .contains("script-src 'self'", "connect-src 'self'", "frame-ancestors 'self' " + api.base().replace("/2.0", ""));
    }

    @Test
    void redirectUriOutsideTheWhitelistThenErrorPageAndNoRedirect() {
        TestApi.Response page = get(api.base() + "/webview/en/connect?client_id=" + client.id()
                + "&redirect_uri=" + WebviewClient.enc("https://evil.example/callback"));

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.header("Location")).isNull();
        assertThat(page.text()).contains("not allowed for this application").doesNotContain("evil.example");
    }

    @Test
    void redirectUriWithAQueryStringThenRefusedEvenWhenItsPathIsWhitelisted() {
        TestApi.Response page = get(api.base() + "/webview/en/connect?client_id=" + client.id()
                + "&redirect_uri=" + WebviewClient.enc(client.redirectUri() + "?next=x"));

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.text()).contains("not allowed for this application");
    }

    @Test
    void theWebviewReturnPageIsAcceptedByWebauthForEveryClientButNeverAsTheIntegratorsCallback() {
        String returnPage = api.base() + "/webview/return";
        String token = users.permanent().token();

        TestApi.Response link = api.get("/webauth-url?client_id=" + client.id() + "&connector_uuid=" + BrowserTestBase.TEST_BANK
                + "&redirect_uri=" + WebviewClient.enc(returnPage)).bearer(token).send();
        TestApi.Response page = get(api.base() + "/webview/en/connect?client_id=" + client.id()
                + "&redirect_uri=" + WebviewClient.enc(returnPage));

        assertThat(link.status()).isEqualTo(200);
        assertThat(page.status()).isEqualTo(400);
    }

    /** As {@code /webauth} does: a user of one client application never works under another's page and redirect URI. */
    @Test
    void aCodeOfAnotherClientsUserOpensNoWebviewSessionForThisClient() {
        WebviewClient other = WebviewClient.registerIn(clients, api);
        String ours = users.permanentOf(client.id()).token();
        String theirs = users.permanentOf(other.id()).token();

        TestApi.Response refused = api.post("/webview/session").bearer(code(theirs))
                .json(Map.of("client_id", Long.toString(client.id()))).send();
        TestApi.Response opened = api.post("/webview/session").bearer(code(ours))
                .json(Map.of("client_id", Long.toString(client.id()))).send();

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("code").asString()).isEqualTo("unauthorized");
        assertThat(refused.json().get("description").asString()).contains("another client application");
        assertThat(opened.status()).isEqualTo(200);
    }

    /** An integrator that encoded {@code state} in Latin-1 gets the webview's page in its language, not the API's JSON. */
    @Test
    void aWebviewUrlWhoseParametersCannotBeReadThenAnErrorPageInItsLanguage() {
        TestApi.Response latin1 = get(client.url("fr", "connect", "&state=caf%E9"));
        TestApi.Response nul = get(client.url("en", "manage", "&code=a%00b"));

        assertThat(latin1.status()).isEqualTo(400);
        assertThat(latin1.header("Content-Type")).startsWith("text/html");
        assertThat(latin1.header("Cache-Control")).contains("no-store");
        assertThat(latin1.text()).contains("<html lang=\"fr\">", "Ce lien est abîmé");
        assertThat(nul.status()).isEqualTo(400);
        assertThat(nul.text()).contains("<html lang=\"en\">", "This link is damaged");
        assertThat(api.post("/webview/session?client_id=%E9").send().json().get("code").asString())
                .as("the API stays JSON").isEqualTo("invalidValue");
    }

    @Test
    void unknownClientThenErrorPageInTheAskedLanguage() {
        TestApi.Response page = get(api.base() + "/webview/fr/connect?client_id=1&redirect_uri=" + WebviewClient.enc(client.redirectUri()));

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.text()).contains("<html lang=\"fr\">", "Cette application n&#39;est pas reconnue");
    }

    @Test
    void connectWithoutRedirectUriThenRefused() {
        TestApi.Response page = get(api.base() + "/webview/en/connect?client_id=" + client.id());

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.text()).contains("redirect_uri) is missing");
    }

    @Test
    void manageWithoutRedirectUriThenServed() {
        TestApi.Response page = get(api.base() + "/webview/en/manage?client_id=" + client.id() + "&code=abc");

        assertThat(page.status()).isEqualTo(200);
    }

    @Test
    void reconnectWithoutCodeThenRefused() {
        TestApi.Response page = get(client.url("en", "reconnect", "&connection_id=3"));

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.text()).contains("(code) is missing");
    }

    @Test
    void reconnectWithoutConnectionIdThenRefused() {
        TestApi.Response page = get(client.url("en", "reconnect", "&code=abc"));

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.text()).contains("(connection_id) is missing or invalid");
    }

    @Test
    void manageWithAConnectionIdThatIsNoNumberThenRefusedAsTheConnectionToShowNotToFix() {
        TestApi.Response page = get(client.url("fr", "manage", "&code=abc&connection_id=x"));

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.text()).contains("La connexion à afficher (connection_id)").doesNotContain("réparer");
    }

    @Test
    void maxConnectionsThatIsNotAPositiveNumberThenRefused() {
        TestApi.Response page = get(client.url("en", "connect", "&max_connections=0"));

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.text()).contains("max_connections");
    }

    @Test
    void aStateLongerThanWebauthKeepsThenRefusedInThePagesLanguage() {
        TestApi.Response longest = get(client.url("en", "connect", "&state=" + "s".repeat(ClientApplications.MAX_STATE)));
        TestApi.Response tooLong = get(client.url("fr", "connect", "&state=" + "s".repeat(ClientApplications.MAX_STATE + 1)));

        assertThat(longest.status()).isEqualTo(200);
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.header("Content-Type")).startsWith("text/html");
        assertThat(tooLong.text()).contains("<html lang=\"fr\">", "(state) est trop longue");
    }

    @Test
    void resetCredentialsIsReadAsTheApiReadsFlags() {
        Map<String, Boolean> flags = Map.of("&reset_credentials=yes", true, "&reset_credentials", true,
                "&reset_credentials=ON", true, "&reset_credentials=0", false, "&reset_credentials=no", false, "", false);

        flags.forEach((param, expected) -> assertThat(get(client.url("en", "reconnect", "&code=abc&connection_id=3" + param)).text())
                .as(param).contains("&quot;resetCredentials&quot;:" + expected));
    }

    @Test
    void resetCredentialsThatIsNoFlagThenRefusedRatherThanTakenForFalse() {
        TestApi.Response page = get(client.url("fr", "reconnect", "&code=abc&connection_id=3&reset_credentials=oui"));

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.text()).contains("<html lang=\"fr\">", "(reset_credentials) doit valoir true ou false");
    }

    /** As {@code /webauth} and the API's {@code /auth/init} read it. */
    @Test
    void aClientIdWithSurroundingSpacesIsTheClientsAndThePageCarriesItBare() {
        TestApi.Response page = get(api.base() + "/webview/en/connect?client_id=%20" + client.id() + "%20&redirect_uri="
                + WebviewClient.enc(client.redirectUri()));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("&quot;clientId&quot;:&quot;" + client.id() + "&quot;");
    }

    @Test
    void whileTheScriptStartsThePageShowsASkeletonAndSaysItIsLoading() {
        String page = get(client.url("en", "connect", "")).text();

        assertThat(page).contains("data-screen=\"loading\" aria-busy=\"true\"", "<div class=\"skeleton\" aria-hidden=\"true\">",
                "role=\"status\">Loading…</p>").doesNotContain(">…<");
    }

    @Test
    void unknownFlowThenNotFoundPage() {
        assertThat(get(client.url("en", "payment", "")).status()).isEqualTo(404);
    }

    /** A hand-built webview URL with a slash too many is a page in its language, not the API's JSON. */
    @Test
    void aPathNearTheWebviewsPagesThenTheNotFoundPageInItsLanguage() {
        TestApi.Response trailingSlash = get(client.url("fr", "connect/", ""));
        TestApi.Response tooDeep = get(client.url("en", "manage/extra", ""));
        TestApi.Response bare = api.get("/webview/").header("Accept-Language", "fr").send();

        assertThat(trailingSlash.status()).isEqualTo(404);
        assertThat(trailingSlash.header("Content-Type")).startsWith("text/html");
        assertThat(trailingSlash.text()).contains("<html lang=\"fr\">", "La webview est à l&#39;adresse");
        assertThat(tooDeep.status()).isEqualTo(404);
        assertThat(tooDeep.text()).contains("<html lang=\"en\">", "The webview is at");
        assertThat(bare.text()).contains("<html lang=\"fr\">");
        assertThat(api.get("/webview/missing.js").send().json().get("code").asString()).isEqualTo("notFound");
    }

    @Test
    void withoutALanguageTheBrowsersIsSpokenAndEnglishWhenItPrefersNoneOfOurs() {
        String query = "?client_id=" + client.id() + "&redirect_uri=" + WebviewClient.enc(client.redirectUri());

        TestApi.Response french = api.get("/webview/connect" + query).header("Accept-Language", "de-DE,fr;q=0.8,en;q=0.5").send();
        TestApi.Response german = api.get("/webview/connect" + query).header("Accept-Language", "de").send();
        TestApi.Response none = api.get("/webview/connect" + query).send();

        assertThat(french.status()).isEqualTo(200);
        assertThat(french.text()).contains("<html lang=\"fr\">", "Chargement");
        assertThat(german.text()).contains("<html lang=\"en\">", "Loading");
        assertThat(none.text()).contains("<html lang=\"en\">");
    }

    @Test
    void aLanguageWeDoNotSpeakFallsBackInsteadOfNotFound() {
        TestApi.Response page = api.get(client.url("de", "connect", "").substring(api.base().length()))
                .header("Accept-Language", "fr").send();

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("<html lang=\"fr\">");
    }

    @Test
    void thePageCarriesItsWordsInItsLanguageOnly() {
        String english = get(client.url("en", "connect", "")).text();
        String french = get(client.url("fr", "connect", "")).text();

        assertThat(english).contains("&quot;pickTitle&quot;:&quot;Choose your bank&quot;").doesNotContain("Choisissez votre banque");
        assertThat(french).contains("&quot;pickTitle&quot;:&quot;Choisissez votre banque&quot;");
    }

    @Test
    void theScriptIsOneContentHashedFileCachedForAYearAndServedCompressed() {
        String page = get(client.url("en", "connect", "")).text();
        Matcher script = Pattern.compile("<script defer src=\"(/2\\.0/webview/webview-[0-9a-f]{32}\\.js)\"></script>").matcher(page);
        assertThat(script.find()).as(page).isTrue();
        assertThat(Pattern.compile("<script").matcher(page).results().count()).isEqualTo(1);

        TestApi.Response js = api.get(script.group(1).substring("/2.0".length())).header("Accept-Encoding", "gzip").send();

        assertThat(js.status()).isEqualTo(200);
        assertThat(js.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(js.header("Cache-Control")).contains("max-age=31536000", "immutable");
        assertThat(js.header("Content-Type")).contains("javascript");
    }

    @Test
    void theStyleSheetAndTheFaviconAreLinkedWithTheirHash() {
        String page = get(client.url("en", "connect", "")).text();
        Matcher icon = Pattern.compile("<link rel=\"icon\" type=\"image/svg\\+xml\" href=\"/2\\.0(/webview/favicon-[0-9a-f]{32}\\.svg)\">").matcher(page);
        assertThat(icon.find()).as(page).isTrue();

        TestApi.Response favicon = api.get(icon.group(1)).send();

        assertThat(favicon.status()).isEqualTo(200);
        assertThat(favicon.header("Content-Type")).startsWith("image/svg+xml");
        assertThat(page).containsPattern("<link rel=\"stylesheet\" href=\"/2\\.0/webview/webview-[0-9a-f]{32}\\.css\">");
    }

    @Test
    void demoPageStartsTheWebviewForTheDemoClient() {
        TestApi.Response page = api.get("/demo").send();

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("name=\"client_id\" value=\"10000001\"", "formaction=\"/2.0/webview/fr/connect\"");
    }

    /** The server listens on a random port here: the demo's callback follows it, and is whitelisted. */
    @Test
    void demoPageCallbackIsThisServersOwnWhateverThePort() {
        String callback = api.base() + "/demo/callback";

        assertThat(callback).doesNotContain(":8080");
        assertThat(api.get("/demo").send().text()).contains("name=\"redirect_uri\" value=\"" + callback + "\"");
        assertThat(clients.isWhitelisted(10000001L, callback)).isTrue();
    }

    @Test
    void demoCallbackShowsTheParametersEscaped() {
        TestApi.Response page = api.get("/demo/callback?connection_id=7&state=%3Cb%3E").send();

        assertThat(page.text()).contains("<td id=\"param-connection_id\">7</td>", "<td id=\"param-state\">&lt;b&gt;</td>");
    }

    private String code(String token) {
        return api.get("/auth/token/code").bearer(token).send().json().get("code").asString();
    }

    private TestApi.Response get(String url) {
        return api.get(url.substring(api.base().length())).send();
    }
}
