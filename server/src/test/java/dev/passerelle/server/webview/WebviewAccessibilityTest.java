package dev.passerelle.server.webview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.support.TestUsers.TestUser;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Issue 9, webview 9: what a keyboard or screen reader user, or one in another country, meets. */
class WebviewAccessibilityTest extends BrowserTestBase {

    private static final Pattern RGB = Pattern.compile("rgba?\\((\\d+), (\\d+), (\\d+)");

    @Test
    void aWrongOneTimeCodeIsAnnouncedAndTiedToTheInput() {
        connectToTestBank("en", "");
        submitCredentials("1234", "additionalInformationNeeded");
        browser.screen("otp");
        assertThat(browser.findAll("#otp-error")).isEmpty();
        browser.type("#field-openapisms", "zzzz");
        browser.click("#submit");

        browser.find("#otp-error");
        assertThat(browser.find("#otp-error").getAttribute("role")).isEqualTo("alert");
        assertThat(browser.text("#otp-error")).contains("not accepted");
        assertThat(browser.find("#field-openapisms").getAttribute("aria-describedby")).contains("otp-error");
        assertThat(browser.find("#field-openapisms").getAttribute("aria-invalid")).isEqualTo("true");
        browser.screenshot("connect-otp-wrong");
        browser.type("#field-openapisms", "abcd");
        browser.click("#submit");
        browser.screen("accounts");
    }

    @Test
    void aSecondCodeTheBankAsksForIsNotTakenForAWrongOne() {
        connectToTestBank("en", "");
        submitCredentials("1234", "doubleotp");
        browser.screen("otp");
        browser.type("#field-openapisms", "abcd");
        browser.click("#submit");
        browser.waitForText("label[for='field-openapisms']", "efgh");

        assertThat(browser.findAll("#otp-error")).isEmpty();
        browser.type("#field-openapisms", "efgh");
        browser.click("#submit");
        browser.screen("accounts");
    }

    @Test
    void theFocusRingContrastsAtLeastThreeToOneWithThePage() {
        browser.go(client.url("en", "connect", ""));
        browser.screen("picker");
        browser.find("#connector-search").click();

        String outline = (String) browser.script("return getComputedStyle(document.activeElement).outlineColor");
        String width = (String) browser.script("return getComputedStyle(document.activeElement).outlineWidth");

        assertThat(width).isEqualTo("3px");
        assertThat(contrast(luminance(outline), luminance("rgb(255, 255, 255)"))).isGreaterThanOrEqualTo(3.0);
    }

    @Test
    void theConnectorSearchIgnoresAccentsAndCase() {
        browser.go(client.url("fr", "connect", ""));
        browser.screen("picker");
        browser.type("#connector-search", "CONNÉCTEUR DE TÊST");

        assertThat(browser.findAll("button.connector[data-uuid='" + TEST_BANK + "']")).hasSize(1);
    }

    @Test
    void confirmingWithNoAccountTickedSaysWhatItMeansBeforeItHappens() {
        TestUser user = users.permanent();
        browser.go(client.url("en", "connect", "&code=" + WebviewClient.enc(code(user.token(), "singleAccess"))));
        browser.click("button.connector[data-uuid='" + TEST_BANK + "']");
        submitCredentials("1234", null);
        browser.screen("accounts");
        browser.findAll("#accounts-form input[type=checkbox]:checked").forEach(box -> box.click());
        browser.click("#confirm");

        assertThat(browser.text("#no-account-question")).contains("will not see any of your accounts");
        assertThat(browser.focused().getAttribute("id")).isEqualTo("no-account-question");
        browser.screenshot("connect-no-account");
        browser.click("#confirm-none");

        assertThat(callbackParam("connection_id")).matches("\\d+");
        JsonNode accounts = api.get("/users/me/accounts?all").bearer(user.token()).send().json().get("accounts");
        assertThat(accounts).allSatisfy(account -> assertThat(account.get("disabled").isNull()).isFalse());
    }

    @Test
    void timestampsAreWrittenTheWayThePagesLanguageWritesThem() {
        UserWithConnection user = userWithConnection("par");

        browser.go(client.url("fr", "manage", "&code=" + WebviewClient.enc(user.code())));
        browser.screen("manage");

        String updated = browser.text("#connection-" + user.connectionId() + " .hint");
        assertThat(updated).startsWith("Dernière mise à jour").doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
    }

    private static double luminance(String cssColour) {
        Matcher rgb = RGB.matcher(cssColour);
        assertThat(rgb.find()).as(cssColour).isTrue();
        double[] channels = new double[3];
        for (int i = 0; i < 3; i++) {
            double c = Integer.parseInt(rgb.group(i + 1)) / 255.0;
            channels[i] = c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
    }

    /** WCAG 2 contrast ratio of two relative luminances. */
    private static double contrast(double a, double b) {
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }
}
