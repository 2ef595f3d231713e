package dev.passerelle.server.webview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.support.TestUsers.TestUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Abandoned and reloaded flows (issue 9, webview 3): Cancel deletes the connection the flow was
 * making, whatever step it stood at, and a reload goes on with the same connection.
 */
class WebviewAbandonTest extends BrowserTestBase {

    private TestUser user;

    @BeforeEach
    void aUserOfTheIntegrator() {
        user = users.permanent();
    }

    /** At the account step, the one-time code, or while the bank app validation is awaited. */
    @ParameterizedTest
    @CsvSource({"par, accounts", "additionalInformationNeeded, otp", "longDecoupled, decoupled"})
    void cancelDeletesTheConnectionUnderWayWithItsCredentials(String scenario, String step) {
        openConnect("&state=bye");
        submitCredentials("1234", scenario);
        browser.screen(step);
        browser.click("#cancel");

        assertThat(callbackParam("error")).isEqualTo("access_denied");
        assertThat(callbackParam("state")).isEqualTo("bye");
        assertThat(connectionsOf(user.token())).isZero();
    }

    @Test
    void cancelAfterAConfirmedConnectionReturnsItAndDeletesOnlyTheOneUnderWay() {
        openConnect("&max_connections=2");
        submitCredentials("1234", null);
        browser.screen("accounts");
        browser.click("#confirm");
        browser.click("#add-another");
        browser.click("button.connector[data-uuid='" + TEST_BANK + "']");
        submitCredentials("1234", "pro");
        browser.screen("accounts");
        browser.click("#cancel");

        String first = callbackParam("connection_ids");
        assertThat(first).matches("\\d+");
        assertThat(browser.findAll("#param-error")).isEmpty();
        assertThat(connectionsOf(user.token())).isEqualTo(1);
    }

    @Test
    void reloadingTheAccountStepGoesOnWithTheSameConnection() {
        openConnect("");
        submitCredentials("1234", null);
        browser.screen("accounts");
        browser.reload();
        browser.screen("accounts");
        browser.click("#confirm");

        assertThat(callbackParam("connection_id")).matches("\\d+");
        assertThat(connectionsOf(user.token())).isEqualTo(1);
    }

    @Test
    void reloadingTheOneTimeCodeStepAsksTheCodeOfTheSameConnection() {
        openConnect("");
        submitCredentials("1234", "additionalInformationNeeded");
        browser.screen("otp");
        browser.reload();
        browser.screen("otp");
        browser.type("#field-openapisms", "abcd");
        browser.click("#submit");
        browser.screen("accounts");
        browser.click("#confirm");

        assertThat(callbackParam("connection_id")).matches("\\d+");
        assertThat(connectionsOf(user.token())).isEqualTo(1);
    }

    /** Connect with a single-use code of the user, up to the credentials of the test connector. */
    private void openConnect(String more) {
        browser.go(client.url("en", "connect", more + "&code=" + WebviewClient.enc(code(user.token(), "singleAccess"))));
        browser.screen("picker");
        browser.click("button.connector[data-uuid='" + TEST_BANK + "']");
        browser.screen("credentials");
    }
}
