package dev.passerelle.server.webview;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The manage webview in Chromium (docs/protocol.md §10.5): state, sync, delete, account activation. */
class WebviewManageTest extends BrowserTestBase {

    @Test
    void manageThenAnAccountTickedIsActivatedAndUntickedIsDisabledAgain() {
        UserWithConnection user = userWithConnection("par");
        long account = api.get("/users/me/accounts?all").bearer(user.token()).send().json()
                .get("accounts").get(0).get("id").asLong();

        String status = "#connection-" + user.connectionId() + "-status";

        openManage(user);
        browser.click("#account-" + account);
        browser.waitForText(status, "is shared");
        browser.screenshot("manage-list");

        assertThat(accountDisabled(user, account)).isFalse();
        browser.click("#account-" + account);
        browser.waitForText(status, "is no longer shared");
        assertThat(accountDisabled(user, account)).isTrue();
    }

    @Test
    void manageWhenDeleteIsConfirmedThenTheConnectionIsGone() {
        UserWithConnection user = userWithConnection("par");

        openManage(user);
        browser.click("#delete-" + user.connectionId());
        assertThat(browser.focused().getAttribute("id")).isEqualTo("confirm-" + user.connectionId());
        browser.screenshot("manage-delete");
        browser.click("#delete-yes-" + user.connectionId());
        browser.find("#no-connection");

        assertThat(api.get(user.connectionPath()).bearer(user.token()).send().status()).isEqualTo(404);
    }

    @Test
    void manageWhenAConnectionNeedsConsentThenFixRunsTheDialogueAndTheListShowsItUpToDate() {
        UserWithConnection user = userWithConnection("SCARequiredAndOTP");
        api.put(user.connectionPath() + "?psu_requested=false").bearer(user.token()).send();

        openManage(user);
        assertThat(browser.text("#connection-" + user.connectionId() + "-state")).startsWith("Authentication required");
        browser.click("#fix-" + user.connectionId());
        browser.screen("sca");
        browser.click("#continue");
        browser.screen("otp");
        browser.type("#field-openapisms", "abcd");
        browser.click("#submit");
        browser.screen("manage");

        assertThat(browser.text("#connection-" + user.connectionId() + "-state")).isEqualTo("Up to date");
    }

    @Test
    void manageWhenSynchronizedThenTheListSaysTheConnectionIsUpToDate() {
        UserWithConnection user = userWithConnection("par");
        String before = api.get(user.connectionPath()).bearer(user.token()).send().json().get("last_update").asString();
        clock.advance(Duration.ofMinutes(5));

        openManage(user);
        browser.click("#sync-" + user.connectionId());
        browser.waitForText("#manage-status", "The connection is up to date.");

        String after = api.get(user.connectionPath()).bearer(user.token()).send().json().get("last_update").asString();
        assertThat(after).isNotEqualTo(before);
    }

    @Test
    void manageWithARedirectUriThenCloseGoesBackWithTheState() {
        UserWithConnection user = userWithConnection("par");

        openManage(user);
        browser.click("#close");

        assertThat(callbackParam("state")).isEqualTo("m-1");
    }

    private void openManage(UserWithConnection user) {
        browser.go(client.url("en", "manage", "&state=m-1&code=" + WebviewClient.enc(user.code())));
        browser.screen("manage");
    }

    private boolean accountDisabled(UserWithConnection user, long account) {
        JsonNode read = api.get("/users/me/accounts/" + account + "?all").bearer(user.token()).send().json();
        return !read.get("disabled").isNull();
    }
}
