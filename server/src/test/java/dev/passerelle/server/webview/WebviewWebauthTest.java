package dev.passerelle.server.webview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Sources added at the bank's website (docs/protocol.md §5) from the connect webview, in Chromium.
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

    /**
     * Reconnect through the bank (issue 9, webview 2): once the bank gave its consent the connection
     * works again, and the webview goes back to the application with it at once.
     */
    @Test
    void reconnectThroughTheBankThenBackToTheApplicationWithTheConnectionAtOnce() {
        TestUser user = users.permanent();
        long connection = connectionNeedingConsent(user);

        browser.go(client.url("en", "reconnect", "&state=again&connection_id=" + connection
                + "&code=" + WebviewClient.enc(code(user.token(), "singleAccess"))));
        browser.screen("webauth");
        browser.click("#submit");
        logInAtTheSandboxBank();
        browser.click("button[value=accept]");

        assertThat(callbackParam("connection_id")).isEqualTo(Long.toString(connection));
        assertThat(callbackParam("state")).isEqualTo("again");
        assertThat(api.get("/users/me/connections/" + connection).bearer(user.token()).send().json().get("state").isNull())
                .isTrue();
    }

    @Test
    void manageFixThroughTheBankThenTheListShowsTheConnectionUpToDate() {
        TestUser user = users.permanent();
        long connection = connectionNeedingConsent(user);

        browser.go(client.url("en", "manage", "&code=" + WebviewClient.enc(code(user.token(), "singleAccess"))));
        browser.screen("manage");
        browser.click("#fix-" + connection);
        browser.screen("webauth");
        browser.click("#submit");
        logInAtTheSandboxBank();
        browser.click("button[value=accept]");

        browser.screen("manage");
        browser.waitForText("#connection-" + connection + "-state", "Up to date");
    }

    /** A connection added at the bank whose next sync asks for the bank's consent again (webauthRequired). */
    private long connectionNeedingConsent(TestUser user) {
        browser.go(client.url("en", "connect", "&code=" + WebviewClient.enc(code(user.token(), "singleAccess"))));
        browser.click("button.connector[data-uuid='" + TEST_BANK + "']");
        browser.screen("webauth");
        browser.choose("#field-openapiwebsite", "webauthRequired");
        browser.click("#submit");
        logInAtTheSandboxBank();
        browser.click("button[value=accept]");
        browser.screen("accounts");
        browser.click("#confirm");
        long connection = Long.parseLong(callbackParam("connection_id"));
        String state = api.put("/users/me/connections/" + connection + "?psu_requested=false").bearer(user.token()).send()
                .json().get("state").asString();
        assertThat(state).isEqualTo("webauthRequired");
        return connection;
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
