package dev.passerelle.server.webview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.clients.ClientApplications;
import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.TestApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The connect webview in Chromium (PROTOCOL-NOTES §10.3): from the picker to the callback. */
@IntegrationTest
@Tag("browser")
class WebviewConnectTest {

    static final String TEST_BANK = "338178e6-3d01-564f-9a7b-52ca442459bf";

    static Browser browser;

    @Autowired
    TestApi api;
    @Autowired
    ClientApplications clients;

    WebviewClient client;

    @BeforeAll
    static void openBrowser() {
        browser = Browser.open();
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }

    @BeforeEach
    void newClient() {
        client = WebviewClient.registerIn(clients, api);
    }

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

        String code = browser.text("#param-code");
        String connectionId = browser.text("#param-connection_id");
        assertThat(browser.text("#param-state")).isEqualTo("s-42");
        JsonNode accounts = api.get("/users/me/accounts").bearer(code).send().json().get("accounts");
        assertThat(accounts.size()).isPositive();
        assertThat(accounts.get(0).get("id_connection").asString()).isEqualTo(connectionId);
    }
}
