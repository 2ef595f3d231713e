package dev.passerelle.server.webview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.support.TestUsers.TestUser;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The webview spends its code once, at launch, for a session of its own (issue 9, webview 1 and 4):
 * either code type serves a whole flow, and an expired code is told before the user types anything.
 */
class WebviewSessionTest extends BrowserTestBase {

    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest
    @ValueSource(strings = {"singleAccess", "requestAccess"})
    void connectWithACodeOfEitherTypeThenTheWholeFlowWorksOnTheWebviewsOwnSession(String type) {
        TestUser user = users.permanent();
        String code = code(user.token(), type);

        browser.go(client.url("en", "connect", "&state=c-1&code=" + WebviewClient.enc(code)));
        browser.screen("picker");
        browser.click("button.connector[data-uuid='" + TEST_BANK + "']");
        browser.screen("credentials");
        submitCredentials("1234", null);
        browser.screen("accounts");
        browser.click("#confirm");

        assertThat(callbackParam("connection_id")).matches("\\d+");
        assertThat(browser.findAll("#param-code")).as("a code is returned only for a user the webview created").isEmpty();
        assertThat(connectionsOf(user.token())).isEqualTo(1);
        awaitNoSession(user);
        if (type.equals("singleAccess")) {
            assertThat(api.get("/users/me").bearer(code).send().status()).as("spent at launch").isEqualTo(401);
        }
    }

    @Test
    void whenTheFlowEndsItsSessionIsRevokedRatherThanLeftUntilTheCodeWouldHaveExpired() {
        TestUser user = users.permanent();
        browser.go(client.url("en", "connect", "&state=c-2&code=" + WebviewClient.enc(code(user.token(), "requestAccess"))));
        browser.screen("picker");
        assertThat(sessionsOf(user)).as("opened at launch").isEqualTo(1);
        browser.click("#cancel");

        assertThat(callbackParam("error")).isEqualTo("access_denied");
        assertThat(callbackParam("state")).isEqualTo("c-2");
        awaitNoSession(user);
        assertThat(api.get("/users/me").bearer(user.token()).send().status()).as("the token the code came from lives on")
                .isEqualTo(200);
    }

    /** The revocation is a request the leaving page sends without waiting for it. */
    private void awaitNoSession(TestUser user) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(sessionsOf(user)).as("revoked as the flow ended").isZero());
    }

    private long sessionsOf(TestUser user) {
        return jdbc.sql("SELECT COUNT(*) FROM auth_token WHERE id_user = :user AND kind = 'WEBVIEW_SESSION'")
                .param("user", user.id()).query(Long.class).single();
    }

    @Test
    void connectWithAnExpiredCodeThenTheLaunchSaysSoBeforeAnythingIsTyped() {
        String code = code(users.permanent().token(), "singleAccess");
        clock.advance(Duration.ofMinutes(31));

        browser.go(client.url("en", "connect", "&state=late&code=" + WebviewClient.enc(code)));
        browser.screen("failure");

        assertThat(browser.findAll("#connector-search")).isEmpty();
        assertThat(browser.text("#screen-error")).contains("session has expired");
        browser.click("#back-to-app");
        assertThat(callbackParam("error")).isEqualTo("session_expired");
        assertThat(callbackParam("state")).isEqualTo("late");
    }

    @Test
    void aCodeOfAnotherClientsUserIsRefusedAtLaunchAndNothingIsAdded() {
        WebviewClient other = WebviewClient.registerIn(clients, api);
        TestUser theirs = users.permanentOf(other.id());

        browser.go(client.url("en", "connect", "&state=x-1&code=" + WebviewClient.enc(code(theirs.token(), "requestAccess"))));
        browser.screen("failure");

        assertThat(browser.findAll("#connector-search")).isEmpty();
        browser.click("#back-to-app");
        assertThat(callbackParam("error")).isEqualTo("session_expired");
        assertThat(connectionsOf(theirs.token())).isZero();
    }

    @Test
    void theWebviewsSessionDiesWhenItsOriginTokenIsRevoked() {
        TestUser user = users.permanent();
        browser.go(client.url("en", "connect", "&code=" + WebviewClient.enc(code(user.token(), "singleAccess"))));
        browser.screen("picker");

        assertThat(api.delete("/auth/token").bearer(user.token()).send().status()).isEqualTo(204);
        browser.click("button.connector[data-uuid='" + TEST_BANK + "']");
        browser.screen("credentials");
        submitCredentials("1234", null);

        browser.screen("failure");
        assertThat(browser.text("#screen-error")).contains("session has expired");
    }
}
