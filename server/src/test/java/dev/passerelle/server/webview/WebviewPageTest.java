package dev.passerelle.server.webview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.clients.ClientApplications;
import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.SandboxMode;
import dev.passerelle.server.support.TestApi;
import dev.passerelle.server.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The checks made before a webview page is served (PROTOCOL-NOTES §10.2): plain HTTP, no browser.
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
    void maxConnectionsThatIsNotAPositiveNumberThenRefused() {
        TestApi.Response page = get(client.url("en", "connect", "&max_connections=0"));

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.text()).contains("max_connections");
    }

    @Test
    void unknownLanguageOrFlowThenNotFoundPage() {
        assertThat(get(client.url("de", "connect", "")).status()).isEqualTo(404);
        assertThat(get(client.url("en", "payment", "")).status()).isEqualTo(404);
    }

    @Test
    void demoPageStartsTheWebviewForTheDemoClient() {
        TestApi.Response page = api.get("/demo").send();

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("name=\"client_id\" value=\"10000001\"", "formaction=\"/2.0/webview/fr/connect\"");
    }

    @Test
    void demoCallbackShowsTheParametersEscaped() {
        TestApi.Response page = api.get("/demo/callback?connection_id=7&state=%3Cb%3E").send();

        assertThat(page.text()).contains("<td id=\"param-connection_id\">7</td>", "<td id=\"param-state\">&lt;b&gt;</td>");
    }

    private TestApi.Response get(String url) {
        return api.get(url.substring(api.base().length())).send();
    }
}
