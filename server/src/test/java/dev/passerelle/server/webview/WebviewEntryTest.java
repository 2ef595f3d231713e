package dev.passerelle.server.webview;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a browser enters the webview: the demo page, and a URL the server refuses (PROTOCOL-NOTES §10.2). */
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
