package dev.passerelle.server.webview;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The reconnect webview in Chromium (docs/protocol.md §10.4): a connection in error is fixed and keeps its id. */
class WebviewReconnectTest extends BrowserTestBase {

    @Test
    void reconnectAfterScaRequiredThenTheUserConsentsAndTheConnectionIsBackWithItsId() {
        UserWithConnection user = userWithConnection("SCARequired");
        api.put(user.connectionPath() + "?psu_requested=false").bearer(user.token()).send();

        browser.go(client.url("en", "reconnect", "&code=" + WebviewClient.enc(user.code())
                + "&connection_id=" + user.connectionId() + "&state=fix-1"));
        browser.screen("sca");
        browser.screenshot("reconnect-sca");
        browser.click("#continue");

        assertThat(callbackParam("connection_id")).isEqualTo(Long.toString(user.connectionId()));
        assertThat(callbackParam("state")).isEqualTo("fix-1");
        assertThat(api.get(user.connectionPath()).bearer(user.token()).send().json().get("state").isNull()).isTrue();
    }

    @Test
    void reconnectWithResetCredentialsThenTheFormAsksThemAndUpdatesTheSameConnection() {
        UserWithConnection user = userWithConnection("par");

        browser.go(client.url("fr", "reconnect", "&code=" + WebviewClient.enc(user.code())
                + "&connection_id=" + user.connectionId() + "&reset_credentials=true"));
        browser.screen("credentials");
        browser.screenshot("reconnect-credentials");
        submitCredentials("0000", null);
        browser.find("#screen-error");
        submitCredentials("1234", "pro");

        assertThat(callbackParam("connection_id")).isEqualTo(Long.toString(user.connectionId()));
        assertThat(api.get("/users/me/connections").bearer(user.token()).send().json().get("total").asInt()).isEqualTo(1);
    }
}
