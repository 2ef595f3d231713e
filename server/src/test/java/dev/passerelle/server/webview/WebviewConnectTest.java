package dev.passerelle.server.webview;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The connect webview in Chromium (docs/protocol.md §10.3): from the picker to the callback. */
class WebviewConnectTest extends BrowserTestBase {

    @Test
    void connectWithoutCodeWithTheRightPasswordThenCallbackCarriesConnectionStateAndCode() {
        browser.go(client.url("en", "connect", "&state=s-42"));
        browser.screen("picker");
        browser.screenshot("connect-1-picker");
        browser.click("button.connector[data-uuid='" + TEST_BANK + "']");
        browser.screen("credentials");
        browser.type("#field-login", "jdupont");
        browser.type("#field-password", "1234");
        browser.screenshot("connect-2-credentials");
        browser.click("#submit");
        browser.screen("accounts");
        browser.screenshot("connect-3-accounts");
        browser.click("#confirm");
        browser.screen("callback");
        browser.screenshot("connect-4-callback");

        String code = callbackParam("code");
        assertThat(callbackParam("state")).isEqualTo("s-42");
        JsonNode accounts = api.get("/users/me/accounts").bearer(code).send().json().get("accounts");
        assertThat(accounts.size()).isPositive();
        assertThat(accounts.get(0).get("id_connection").asString()).isEqualTo(callbackParam("connection_id"));
    }

    @Test
    void connectWithAWrongPasswordThenTheFormSaysSoAndTheRightOneSucceeds() {
        connectToTestBank("fr", "");
        submitCredentials("0000", null);

        browser.find("#screen-error");
        browser.screen("credentials");
        assertThat(browser.text("#screen-error")).contains("Identifiant ou mot de passe incorrect")
                .as("the bank's English message stays off a French page").doesNotContain("Incorrect password");
        assertThat(browser.find("#field-login").getDomProperty("value")).isEqualTo("jdupont");
        assertThat(browser.focused().getAttribute("id")).isEqualTo("field-password");
        browser.screenshot("connect-wrongpass");
        submitCredentials("1234", null);
        browser.screen("accounts");
        browser.click("#confirm");

        assertThat(callbackParam("connection_id")).matches("\\d+");
    }

    @Test
    void connectWhenARequiredFieldIsEmptyThenNothingIsSentAndTheFieldIsMarked() {
        connectToTestBank("en", "");
        browser.type("#field-login", "jdupont");
        browser.click("#submit");

        assertThat(browser.find("#field-password").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.text("#field-password-error")).isEqualTo("This field is required.");
        assertThat(browser.focused().getAttribute("id")).isEqualTo("field-password");
        browser.screenshot("connect-required-field");
    }

    @Test
    void connectWithAnOtpThenTheCodeScreenAsksTheFieldAndTheAnswerFinishes() {
        connectToTestBank("en", "");
        submitCredentials("1234", "additionalInformationNeeded");

        browser.screen("otp");
        assertThat(browser.text("label[for='field-openapisms']")).isEqualTo("Type abcd");
        assertThat(browser.text("#otp-message")).doesNotContain("openapisms");
        browser.type("#field-openapisms", "abcd");
        browser.screenshot("connect-otp");
        browser.click("#submit");
        browser.screen("accounts");
        browser.click("#confirm");

        assertThat(callbackParam("connection_id")).matches("\\d+");
    }

    @Test
    void connectWithADecoupledValidationThenTheWaitingScreenSaysTheBanksWordsUntilTheBankValidates() {
        connectToTestBank("en", "");
        submitCredentials("1234", "shortDecoupled");

        browser.screen("decoupled");
        assertThat(browser.text("#waiting-status")).isEqualTo("You need to confirm the connection on your bank website");
        assertThat(browser.find("#waiting-status").getAttribute("aria-live")).isEqualTo("polite");
        browser.screenshot("connect-decoupled");
        clock.advance(Duration.ofSeconds(6));
        browser.screen("accounts");
        browser.click("#confirm");

        assertThat(callbackParam("connection_id")).matches("\\d+");
    }

    /**
     * The next source (openapi) is added by web authentication: the user goes to the bank even
     * though the connection holds the first source's login and password (issue 9, webview 7).
     */
    @Test
    void connectWithTwoSourcesThenTheSecondGoesThroughTheBankAndAccountsOfBothAreActivatedOnOneConnection() {
        connectToTestBank("en", "");
        submitCredentials("1234", null);
        browser.screen("accounts");
        int directAccessAccounts = browser.findAll("#accounts-form input[type=checkbox]").size();
        browser.click("#add-source");
        browser.screen("webauth");
        browser.screenshot("connect-5-next-source");
        browser.choose("#field-openapiwebsite", "pro");
        browser.click("#submit");
        logInAtTheSandboxBank();
        browser.click("button[value=accept]");
        browser.find("#accounts-form:not(:has(#add-source))");
        assertThat(browser.findAll("#accounts-form input[type=checkbox]")).hasSizeGreaterThan(directAccessAccounts);
        browser.screenshot("connect-6-accounts-of-both-sources");
        browser.click("#confirm");

        JsonNode accounts = api.get("/users/me/accounts").bearer(callbackParam("code")).send().json().get("accounts");
        assertThat(StreamSupport.stream(accounts.spliterator(), false).map(a -> a.get("id_source").asLong()).distinct())
                .hasSize(2);
        assertThat(StreamSupport.stream(accounts.spliterator(), false).map(a -> a.get("id_connection").asString()).distinct())
                .containsExactly(callbackParam("connection_id"));
    }

    @Test
    void connectWithOneConnectorUuidAndAPrefillThenNoPickerAndTheFieldIsFilled() {
        browser.go(client.url("en", "connect", "&connector_uuids=" + TEST_BANK + "&" + TEST_BANK + ".login=mmartin"));

        browser.screen("credentials");
        assertThat(browser.find("#field-login").getDomProperty("value")).isEqualTo("mmartin");
        assertThat(browser.findAll("#back")).isEmpty();
    }

    @Test
    void connectWithAccountTypesThenOnlyThoseAccountsAreOfferedAndActivated() {
        connectToTestBank("en", "&account_types=checking");
        submitCredentials("1234", null);
        browser.screen("accounts");

        assertThat(browser.findAll("#accounts-form input[type=checkbox]:disabled")).isNotEmpty();
        browser.click("#confirm");
        JsonNode accounts = api.get("/users/me/accounts").bearer(callbackParam("code")).send().json().get("accounts");
        assertThat(StreamSupport.stream(accounts.spliterator(), false).map(a -> a.get("type").asString()).distinct())
                .containsExactly("checking");
    }

    @Test
    void connectWithMaxConnectionsThenTheUserAddsAnotherAndTheCallbackListsBoth() {
        connectToTestBank("en", "&max_connections=2");
        submitCredentials("1234", null);
        browser.screen("accounts");
        browser.click("#confirm");
        browser.screen("another");
        browser.screenshot("connect-another");
        browser.click("#add-another");
        browser.screen("picker");
        browser.click("button.connector[data-uuid='" + TEST_BANK + "']");
        browser.screen("credentials");
        submitCredentials("1234", "pro");
        browser.screen("accounts");
        browser.click("#confirm");

        String[] ids = callbackParam("connection_ids").split(",");
        assertThat(ids).hasSize(2).doesNotHaveDuplicates();
        assertThat(callbackParam("connection_id")).isEqualTo(ids[0]);
    }

    @Test
    void connectWhenTheUserCancelsThenCallbackCarriesAccessDenied() {
        connectToTestBank("en", "&state=bye");
        browser.click("#cancel");

        assertThat(callbackParam("error")).isEqualTo("access_denied");
        assertThat(callbackParam("state")).isEqualTo("bye");
    }
}
