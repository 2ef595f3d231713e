package dev.passerelle.server.webview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.connectors.GatedBank;
import dev.passerelle.server.connectors.HandWrittenBanksConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * The waiting screen of a decoupled validation in Chromium says the institution's own words (the
 * connection's {@code error_message}) as each answer gives them, and the page's general sentence
 * when there are none: the {@link GatedBank} says what each test makes it say.
 */
@Import(HandWrittenBanksConfig.class)
class WebviewDecoupledTest extends BrowserTestBase {

    private static final String IN_THE_APP = "Open the app of your bank to confirm";
    private static final String GENERAL = "Your bank asks you to confirm the connection in its app.";

    @Autowired
    GatedBank bank;

    /** The Berlin Group connector's case: the user authorised at the bank, which is slow to confirm it. */
    @Test
    void theStatusLineSaysTheBanksWordsAndFollowsThemFromOneAnswerToTheNext() {
        bank.say(IN_THE_APP);
        waitForTheValidation();
        assertThat(browser.text("#waiting-status")).isEqualTo(IN_THE_APP);

        bank.say("The bank is confirming the access");

        browser.waitForText("#waiting-status", "The bank is confirming the access");
        assertThat(browser.find("#waiting-status").getAttribute("aria-live")).isEqualTo("polite");
        assertThat(browser.text("#screen-title")).isEqualTo("Waiting for your bank");
    }

    @Test
    void whenTheBanksWordsTurnBlankTheGeneralSentenceIsBack() {
        bank.say(IN_THE_APP);
        waitForTheValidation();
        browser.waitForText("#waiting-status", IN_THE_APP);

        bank.say("  ");

        browser.waitForText("#waiting-status", GENERAL);
        assertThat(browser.text("#waiting-status")).isEqualTo(GENERAL);
    }

    @Test
    void theBanksWordsAreShownAsTheyAreNeverReadAsMarkup() {
        String words = "<b>Confirm</b> in your app<script>alert(1)</script>";
        bank.say(words);
        waitForTheValidation();

        browser.waitForText("#waiting-status", words);
        assertThat(browser.text("#waiting-status")).isEqualTo(words);
        assertThat(browser.findAll("#waiting-status *")).isEmpty();
    }

    /** Connects to the gated bank with the login that asks for a decoupled validation. */
    private void waitForTheValidation() {
        browser.go(client.url("en", "connect", "&connector_uuids=" + GatedBank.UUID_));
        browser.screen("credentials");
        browser.type("#field-login", "decoupled");
        browser.click("#submit");
        browser.screen("decoupled");
    }
}
