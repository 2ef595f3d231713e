package dev.passerelle.server.webview;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a browser enters the webview: the demo page, and a URL the server refuses (docs/protocol.md §10.2). */
class WebviewEntryTest extends BrowserTestBase {

    @Test
    void redirectUriOutsideTheWhitelistThenTheBrowserStaysOnAnErrorPage() {
        String url = api.base() + "/webview/en/connect?client_id=" + client.id()
                + "&redirect_uri=" + WebviewClient.enc("https://evil.example/callback");

        browser.go(url);

        assertThat(browser.text("#refused-message")).contains("not allowed for this application");
        assertThat(browser.url()).isEqualTo(url);
        browser.screenshot("refused-redirect-uri");
    }

    /**
     * A webview opened in a popup tells the integrator's page how it ended, as Powens' JS component
     * expects (issue 9, webview 6), to the redirect URI's origin, then goes to the redirect URI.
     */
    @Test
    void aWebviewInAPopupPostsItsOutcomeToTheWindowThatOpenedIt() {
        browser.go(api.base() + "/demo");
        browser.script("window.received = [];"
                + "window.addEventListener('message', e => window.received.push({origin: e.origin, data: e.data}));"
                + "window.open(arguments[0], 'webview');", client.url("en", "connect", "&state=pm-1"));
        browser.intoNewestWindow();
        browser.screen("picker");
        browser.click("button.connector[data-uuid='" + TEST_BANK + "']");
        submitCredentials("1234", null);
        browser.screen("accounts");
        browser.click("#confirm");
        String connection = callbackParam("connection_id");
        browser.intoFirstWindow();

        Map<?, ?> message = (Map<?, ?>) browser.waitFor("return window.received.length > 0 && window.received[0]");
        Map<?, ?> data = (Map<?, ?>) ((Map<?, ?>) message.get("data")).get("data");
        assertThat(((Map<?, ?>) message.get("data")).get("type")).isEqualTo("powensWebviewTermination");
        assertThat(message.get("origin")).isEqualTo(api.base().replace("/2.0", ""));
        assertThat(data.get("connectionId")).isEqualTo(connection);
        assertThat(data.get("connectionIds")).isEqualTo(List.of(connection));
        assertThat(data.get("state")).isEqualTo("pm-1");
        assertThat(data.get("error")).isNull();
        assertThat((String) data.get("code")).isNotBlank();
        assertThat(data.get("connectionDeleted")).isEqualTo(false);
    }

    @Test
    void demoPageStartsTheConnectWebviewForTheDemoClient() {
        browser.go(api.base() + "/demo");
        browser.screen("demo");
        browser.screenshot("demo");
        browser.click("#start-en");

        browser.screen("picker");
        assertThat(browser.url()).contains("/webview/en/connect?client_id=10000001&redirect_uri=");
    }
}
