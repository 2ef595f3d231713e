package dev.passerelle.server.webview;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The page's language everywhere (issue 9, webview 5): the browser's when the URL names none,
 * connector field labels and list values in it, and a page title per step.
 */
class WebviewLanguageTest extends BrowserTestBase {

    @Test
    void withoutALanguageInTheUrlAFrenchBrowserGetsTheFrenchWebview() {
        try (Browser french = Browser.open("fr-FR,fr")) {
            french.go(client.url("en", "connect", "").replace("/webview/en/connect", "/webview/connect"));
            french.screen("picker");

            assertThat(french.text("#screen-title")).isEqualTo("Choisissez votre banque");
            assertThat(french.find("html").getAttribute("lang")).isEqualTo("fr");
        }
    }

    @Test
    void anEnglishPageShowsTheConnectorsFieldsInEnglishAndAFrenchPageInFrench() {
        connectToTestBank("en", "");

        assertThat(browser.text("label[for='field-login']")).isEqualTo("Login");
        assertThat(browser.text("label[for='field-password']")).startsWith("Passcode (1234)");
        assertThat(browser.text("label[for='field-directaccesswebsite']")).startsWith("Scenario (directaccess)");
        assertThat(browser.text("#field-directaccesswebsite option[value='par']")).isEqualTo("Individuals");

        connectToTestBank("fr", "");

        assertThat(browser.text("label[for='field-login']")).isEqualTo("Identifiant");
        assertThat(browser.text("#field-directaccesswebsite option[value='par']")).isEqualTo("Particuliers");
    }

    @Test
    void theOneTimeCodeScreenSpeaksThePagesLanguageOnly() {
        connectToTestBank("fr", "");
        submitCredentials("1234", "additionalInformationNeeded");
        browser.screen("otp");

        assertThat(browser.text("label[for='field-openapisms']")).isEqualTo("Dites abcd");
        assertThat(browser.text("#otp-message")).isEqualTo("Saisissez le code envoyé par votre banque.");
    }

    @Test
    void eachStepHasItsOwnPageTitle() {
        browser.go(client.url("en", "connect", ""));
        browser.screen("picker");
        String picker = browser.title();
        browser.click("button.connector[data-uuid='" + TEST_BANK + "']");
        browser.screen("credentials");
        String credentials = browser.title();
        submitCredentials("1234", null);
        browser.screen("accounts");

        assertThat(picker).isEqualTo("Choose your bank – Passerelle");
        assertThat(credentials).isEqualTo("Connect Connecteur de test – Passerelle");
        assertThat(browser.title()).isEqualTo("Your accounts at Connecteur de test – Passerelle");
    }
}
