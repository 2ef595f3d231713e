package dev.passerelle.server.webview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.support.TestUsers.TestUser;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Banks with several sources (issue 9, webview 11), the three options of Powens' UX guidelines:
 * (1) the other sources offered on the accounts screen (WebviewConnectTest), (2) the flow restricted
 * to the account types asked ({@code account_types}), (3) every source asked ({@code sources})
 * chained before the accounts; and {@code connector_country}, {@code account_ibans}.
 */
class WebviewSourcesTest extends BrowserTestBase {

    @Test
    void optionTwoAccountTypesThenOnlyTheSourcesNeededAreAddedAndNoOtherIsOffered() {
        TestUser user = users.permanent();
        openConnect(user, "&account_types=checking");
        submitCredentials("1234", null);
        browser.screen("accounts");
        browser.screenshot("connect-option-2-account-types");

        assertThat(browser.findAll("#add-source")).isEmpty();
        assertThat(browser.findAll("#accounts-form input[type=checkbox]:disabled")).isNotEmpty();
        browser.click("#confirm");
        assertThat(sourcesOf(user, callbackParam("connection_id"))).containsExactly("directaccess");
    }

    @Test
    void optionThreeSourcesThenEverySourceAuthenticatesInPriorityOrderBeforeTheAccounts() {
        TestUser user = users.permanent();
        openConnect(user, "&sources=directaccess,openapi");
        submitCredentials("1234", null);

        browser.screen("webauth");
        assertThat(browser.text("#screen .lead")).contains("Step 2 of 2");
        browser.screenshot("connect-option-3-chained-source");
        browser.choose("#field-openapiwebsite", "pro");
        browser.click("#submit");
        logInAtTheSandboxBank();
        browser.click("button[value=accept]");
        browser.screen("accounts");

        assertThat(browser.findAll("#add-source")).isEmpty();
        browser.click("#confirm");
        String connection = callbackParam("connection_id");
        assertThat(sourcesOf(user, connection)).containsExactly("directaccess", "openapi");
        JsonNode accounts = api.get("/users/me/accounts").bearer(user.token()).send().json().get("accounts");
        assertThat(StreamSupport.stream(accounts.spliterator(), false).map(a -> a.get("id_source").asLong()).distinct())
                .hasSize(2);
    }

    @Test
    void optionThreeWithOneSourceThenOnlyThatSourceIsAskedHereTheBanks() {
        browser.go(client.url("en", "connect", "&sources=openapi"));
        browser.click("button.connector[data-uuid='" + TEST_BANK + "']");

        browser.screen("webauth");
        assertThat(browser.findAll("#field-login")).isEmpty();
    }

    @Test
    void connectorCountryThenOnlyThatCountrysConnectorsAreOffered() {
        browser.go(client.url("en", "connect", "&connector_country=de"));
        browser.screen("failure");
        assertThat(browser.text("#screen-error")).isEqualTo("No institution is available.");

        browser.go(client.url("en", "connect", "&connector_country=FR"));
        browser.screen("picker");
        assertThat(browser.findAll("button.connector[data-uuid='" + TEST_BANK + "']")).hasSize(1);
    }

    @Test
    void accountIbansThenOnlyThoseAccountsMayBeActivated() {
        String iban = anIbanOfJdupont();
        TestUser user = users.permanent();
        String spaced = iban.replaceAll("(.{4})", "$1 ").strip().toLowerCase();
        openConnect(user, "&account_ibans=" + WebviewClient.enc(spaced));
        submitCredentials("1234", null);
        browser.screen("accounts");

        assertThat(browser.findAll("#accounts-form input[type=checkbox]:not(:disabled)")).hasSize(1);
        browser.click("#confirm");
        callbackParam("connection_id");
        JsonNode enabled = api.get("/users/me/accounts").bearer(user.token()).send().json().get("accounts");
        assertThat(enabled).hasSize(1);
        assertThat(enabled.get(0).get("iban").asString().replace(" ", "")).isEqualTo(iban.replace(" ", ""));
    }

    /** The same login gives the same customer: an IBAN the webview will show for jdupont. */
    private String anIbanOfJdupont() {
        UserWithConnection other = userWithConnection("par");
        JsonNode accounts = api.get("/users/me/accounts?all").bearer(other.token()).send().json().get("accounts");
        return StreamSupport.stream(accounts.spliterator(), false).map(a -> a.get("iban"))
                .filter(i -> i != null && !i.isNull()).map(JsonNode::asString).findFirst().orElseThrow();
    }

    private List<String> sourcesOf(TestUser user, String connectionId) {
        JsonNode sources = api.get("/users/me/connections/" + connectionId + "/sources?all").bearer(user.token()).send()
                .json().get("sources");
        return StreamSupport.stream(sources.spliterator(), false).map(s -> s.get("name").asString()).toList();
    }

    private void openConnect(TestUser user, String more) {
        browser.go(client.url("en", "connect", more + "&code=" + WebviewClient.enc(code(user.token(), "singleAccess"))));
        browser.screen("picker");
        browser.click("button.connector[data-uuid='" + TEST_BANK + "']");
        browser.screen("credentials");
    }
}
