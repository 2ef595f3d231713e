package dev.passerelle.server.webview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.berlingroup.Xs2aBank;
import dev.passerelle.server.support.TestUsers.TestUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A Berlin Group bank of the directory in the connect webview, in Chromium: the user leaves for the
 * bank's own pages (redirect) and comes back to choose the accounts, or types the bank's credentials
 * here, chooses the photoTAN among the bank's methods, reads the code off the bank's image and types
 * it (embedded). The bank is the project's XS2A simulator, over plain HTTP for the browser.
 */
class WebviewBerlinGroupTest extends BrowserTestBase {

    private static final Xs2aBank BANK = Xs2aBank.plainHttp();

    @DynamicPropertySource
    static void directory(DynamicPropertyRegistry registry) {
        BANK.configure(registry);
    }

    @AfterAll
    static void closeTheBank() {
        BANK.close();
    }

    @Test
    void theUserAuthenticatesOnTheBanksPagesAndComesBackToChooseTheAccounts() {
        TestUser user = users.permanent();
        pickTheBank(user, "&state=bg-redirect");
        browser.screen("webauth");
        browser.screenshot("berlingroup-1-before-the-bank");
        browser.click("#submit");

        browser.find("#psuId");
        browser.screenshot("berlingroup-2-bank-login");
        browser.type("#psuId", "redirect");
        browser.type("#password", "secret");
        browser.click("#login");
        browser.find("#accept");
        browser.click("#accept");

        browser.screen("accounts");
        browser.screenshot("berlingroup-3-accounts");
        browser.click("#confirm");
        assertThat(callbackParam("state")).isEqualTo("bg-redirect");
        JsonNode accounts = api.get("/users/me/accounts").bearer(user.token()).send().json().get("accounts");
        assertThat(accounts.size()).isPositive();
    }

    @Test
    void theUserTypesTheBanksCredentialsChoosesThePhotoTanAndTypesTheCodeOfItsImage() {
        TestUser user = users.permanent();
        pickTheBank(user, "&sources=embedded&state=bg-embedded");
        browser.screen("credentials");
        browser.type("#field-login", "embedded-choice");
        browser.type("#field-password", "secret");
        browser.click("#submit");

        browser.screen("otp");
        browser.choose("#field-scamethod", "photo");
        browser.click("#submit");
        browser.find("#field-tan-image");
        browser.screenshot("berlingroup-4-phototan");
        assertThat(browser.find("#field-tan-image").getAttribute("src")).startsWith("data:image/png;base64,");
        browser.type("#field-tan", "654321");
        browser.click("#submit");

        browser.screen("accounts");
        browser.click("#confirm");
        assertThat(callbackParam("state")).isEqualTo("bg-embedded");
        assertThat(api.get("/users/me/accounts").bearer(user.token()).send().json().get("accounts").size()).isPositive();
    }

    /** Opens connect for {@code user} and picks the Berlin Group bank. */
    private void pickTheBank(TestUser user, String more) {
        browser.go(client.url("en", "connect", more + "&code=" + WebviewClient.enc(code(user.token(), "singleAccess"))));
        browser.screen("picker");
        browser.click("button.connector[data-uuid='" + Xs2aBank.UUID + "']");
    }
}
