package dev.passerelle.server.webview;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Sources added at the bank's website (PROTOCOL-NOTES §5) from the connect webview, in Chromium.
 * With the test connector's direct access source disabled, its first source is openapi: the
 * webview sends the user to the sandbox bank and takes them back on its return page.
 */
@TestPropertySource(properties = "passerelle.connectors.disabled-sources." + BrowserTestBase.TEST_BANK + "=directaccess")
class WebviewWebauthTest extends BrowserTestBase {

    @Test
    void connectWhenTheUserAcceptsAtTheBankThenTheWebviewContinuesWithTheAccounts() {
        connectAtTheBank("&state=wa-1");
        browser.screenshot("webauth-1-bank-login");
        logInAtTheSandboxBank();
        browser.screenshot("webauth-2-bank-consent");
        browser.click("button[value=accept]");
        browser.screen("accounts");
        browser.screenshot("webauth-3-accounts");
        browser.click("#confirm");

        assertThat(callbackParam("state")).isEqualTo("wa-1");
        JsonNode accounts = api.get("/users/me/accounts").bearer(callbackParam("code")).send().json().get("accounts");
        assertThat(accounts.size()).isPositive();
        assertThat(accounts.get(0).get("id_connection").asString()).isEqualTo(callbackParam("connection_id"));
    }

    @Test
    void connectWhenTheUserDeniesAtTheBankThenTheWebviewSaysSoAndCanStillBeCancelled() {
        connectAtTheBank("&state=wa-2");
        logInAtTheSandboxBank();
        browser.click("button[value=deny]");

        browser.find("#screen-error");
        browser.screen("webauth");
        assertThat(browser.text("#screen-error")).contains("Access was refused on the bank's website");
        browser.screenshot("webauth-denied");
        browser.click("#cancel");
        assertThat(callbackParam("error")).isEqualTo("access_denied");
        assertThat(callbackParam("state")).isEqualTo("wa-2");
    }

    @Test
    void theReturnPageWithoutAJourneyInThisTabThenSaysSoAndGoesNowhere() {
        String url = api.base() + "/webview/return?connection_id=1&state=unknown";
        browser.go(url);

        browser.screen("failure");
        assertThat(browser.url()).isEqualTo(url);
    }

    /** Opens connect, picks the test connector and leaves for the sandbox bank's login page. */
    private void connectAtTheBank(String more) {
        browser.go(client.url("en", "connect", more));
        browser.screen("picker");
        browser.click("button.connector[data-uuid='" + TEST_BANK + "']");
        browser.screen("webauth");
        browser.screenshot("webauth-0-before-the-bank");
        browser.click("#submit");
        browser.find("form[action=authorize]");
    }
}
