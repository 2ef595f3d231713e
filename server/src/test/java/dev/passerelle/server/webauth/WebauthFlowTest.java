package dev.passerelle.server.webauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.connector.Account;
import dev.passerelle.server.auth.TokenKind;
import dev.passerelle.server.clients.ClientApplications;
import dev.passerelle.server.clients.TestClient;
import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.MutableClock;
import dev.passerelle.server.support.SandboxMode;
import dev.passerelle.server.support.TestApi;
import dev.passerelle.server.support.TestUsers.TestUser;
import dev.passerelle.server.support.TestUsers;
import dev.passerelle.server.support.WireTime;
import dev.passerelle.server.webauth.Browser.Page;
import dev.passerelle.testbank.SandboxCustomers;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;

/** Web authentication end to end (docs/protocol.md §5): integrator → /webauth-url → browser → sandbox bank → callback → redirect_uri. */
@IntegrationTest
@SandboxMode
class WebauthFlowTest {

    @Autowired
    TestApi api;
    @Autowired
    TestUsers users;
    @Autowired
    ClientApplications clients;
    @Autowired
    MutableClock clock;

    TestUser user;
    BankVisit visit;

    @BeforeEach
    void newUserOfANewClient() {
        user = users.permanent();
        visit = new BankVisit(api, TestClient.registerIn(clients), user);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void newConnectionAcceptedAtTheBankThenCallbackCarriesIdConnectionAndState() {
        Map<String, String> answer = visit.answer(visit.link(visit.newConnection("state", "opaque-42")), "accept");

        assertThat(answer).containsKeys("id_connection", "connection_id").containsEntry("state", "opaque-42");
        assertThat(answer.get("connection_id")).isEqualTo(answer.get("id_connection"));
        JsonNode connection = visit.connection(Long.parseLong(answer.get("id_connection"))).json();
        assertThat(connection.get("state").isNull()).isTrue();
    }

    @Test
    void newConnectionAcceptedThenTheAccountsShownAtTheBankWereDiscovered() {
        long id = Long.parseLong(visit.answer(visit.link(visit.newConnection("openapiwebsite", "pro")), "accept")
                .get("id_connection"));

        JsonNode accounts = visit.accounts(id).json().get("accounts");
        assertThat(StreamSupport.stream(accounts.spliterator(), false).map(a -> a.get("name").asString()))
                .containsExactlyInAnyOrderElementsOf(SandboxCustomers.accounts(BankVisit.LOGIN, "pro", clock.instant())
                        .stream().map(Account::name).toList());
    }

    @Test
    void deniedAtTheBankThenAccessDeniedAndNoConnectionLeft() {
        Map<String, String> answer = visit.answer(visit.link(visit.newConnection("state", "s1")), "deny");

        assertThat(answer).containsEntry("error", "access_denied").containsEntry("state", "s1")
                .doesNotContainKey("id_connection");
        assertThat(answer.get("error_description")).isNotBlank();
        assertThat(connections()).isEmpty();
    }

    /**
     * A source added at the bank goes to the bank even when the connection holds the password of
     * its first source: the connector is not handed another source's credentials (issue 9, webview 7).
     */
    @Test
    void nextSourceOfAConnectionHoldingAPasswordThenTheBankIsStillVisited() {
        long id = api.post("/users/me/connections?source=directaccess").bearer(user.token())
                .json(Map.of("connector_uuid", BankVisit.TESTBANK_UUID, "login", BankVisit.LOGIN, "password", "1234"))
                .send().json().get("id").asLong();
        Map<String, String> params = visit.reconnect(id);
        params.put("source", "openapi");
        params.put("openapiwebsite", "pro");

        Map<String, String> answer = visit.answer(visit.link(params), "accept");

        assertThat(answer).containsEntry("id_connection", Long.toString(id));
        JsonNode sources = api.get("/users/me/connections/" + id + "/sources").bearer(user.token()).send().json().get("sources");
        assertThat(StreamSupport.stream(sources.spliterator(), false).map(source -> source.get("name").asString()))
                .containsExactlyInAnyOrder("directaccess", "openapi");
    }

    @Test
    void webauthRequiredAfterASyncThenReconnectKeepsTheIdAndClearsTheState() {
        long id = Long.parseLong(visit.answer(visit.link(visit.newConnection("openapiwebsite", "webauthRequired")),
                "accept").get("id_connection"));
        assertThat(visit.sync(id).json().get("state").asString()).isEqualTo("webauthRequired");

        Map<String, String> answer = visit.answer(visit.link(visit.reconnect(id)), "accept");

        assertThat(answer).containsEntry("id_connection", Long.toString(id));
        assertThat(visit.connection(id).json().get("state").isNull()).isTrue();
    }

    @Test
    void consentEndedAfter180DaysThenWebauthRequiredAndReconnectRenewsItFor180Days() {
        long id = Long.parseLong(visit.answer(visit.link(visit.newConnection()), "accept").get("id_connection"));
        clock.advance(Duration.ofDays(181));

        JsonNode unattended = api.put("/users/me/connections/" + id + "?psu_requested=false").bearer(user.token())
                .send().json();
        assertThat(unattended.get("state").asString()).isEqualTo("webauthRequired");

        Instant reconnected = clock.instant();
        visit.answer(visit.link(visit.reconnect(id)), "accept");

        assertThat(visit.connection(id).json().get("state").isNull()).isTrue();
        JsonNode source = api.get("/users/me/connections/" + id + "/sources").bearer(user.token()).send().json()
                .get("sources").get(0);
        assertThat(WireTime.instant(source.get("access_expire")))
                .isAfterOrEqualTo(reconnected.plus(Duration.ofDays(180)).minusSeconds(1));
    }

    @Test
    void reconnectDeniedThenAccessDeniedAndTheConnectionStillWaitsForWebauth() {
        long id = Long.parseLong(visit.answer(visit.link(visit.newConnection("openapiwebsite", "webauthRequired")),
                "accept").get("id_connection"));
        visit.sync(id);

        Map<String, String> answer = visit.answer(visit.link(visit.reconnect(id)), "deny");

        assertThat(answer).containsEntry("error", "access_denied");
        assertThat(visit.connection(id).json().get("state").asString()).isEqualTo("webauthRequired");
    }

    @Test
    void reconnectWhenTheConnectionNeedsNoWebauthThenConflictInvalidValue() {
        long id = Long.parseLong(visit.answer(visit.link(visit.newConnection()), "accept").get("id_connection"));

        TestApi.Response response = visit.webauthUrl(visit.reconnect(id));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("code").asString()).isEqualTo("invalidValue");
    }

    @Test
    void newConnectionAskingAnOtpAfterTheBankThenKeptForTheIntegratorToResume() {
        Map<String, String> answer = visit.answer(visit.link(visit.newConnection("openapiwebsite",
                "additionalInformationNeeded")), "accept");

        JsonNode connection = visit.connection(Long.parseLong(answer.get("id_connection"))).json();
        assertThat(connection.get("state").asString()).isEqualTo("additionalInformationNeeded");
    }

    @Test
    void webauthUrlForASourceAddedWithAPasswordThenInvalidValue() {
        TestApi.Response response = visit.webauthUrl(visit.newConnection("source", "directaccess"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("invalidValue");
    }

    @Test
    void webauthUrlWithoutConnectorNorConnectionThenMissingParameter() {
        Map<String, String> params = visit.newConnection();
        params.remove("connector_uuid");

        assertThat(visit.webauthUrl(params).json().get("code").asString()).isEqualTo("missingParameter");
    }

    @Test
    void webauthUrlForAnotherUsersConnectionThenNotFound() {
        BankVisit other = new BankVisit(api, TestClient.registerIn(clients), users.permanent());
        long theirs = Long.parseLong(other.answer(other.link(other.newConnection()), "accept").get("id_connection"));

        assertThat(visit.webauthUrl(visit.reconnect(theirs)).status()).isEqualTo(404);
    }

    @Test
    void webauthUrlPointsAtWebauthWithASingleUseCode() {
        URI link = visit.link(visit.newConnection("state", "x", "openapiwebsite", "pro"));

        assertThat(link.getPath()).endsWith("/2.0/webauth");
        assertThat(Browser.query(link)).containsKeys("token", "client_id", "redirect_uri", "connector_uuid")
                .containsEntry("state", "x").containsEntry("openapiwebsite", "pro");
    }

    /** docs/protocol.md "token answers": the link carries a single-use code, so no cache on the way may keep it. */
    @Test
    void theWebauthLinkCarriesACodeAndIsNeverCached() {
        TestApi.Response response = visit.webauthUrl(visit.newConnection());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("url").asString()).contains("token=");
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        assertThat(response.header("Pragma")).isEqualTo("no-cache");
    }

    @Test
    void webauthUrlWithARedirectUriOutsideTheWhitelistThenInvalidValue() {
        TestApi.Response response = visit.webauthUrl(visit.newConnection("redirect_uri", "https://evil.example.test/cb"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("invalidValue");
    }

    @Test
    void webauthWithARedirectUriOutsideTheWhitelistThenErrorPageAndNoRedirect() {
        Page page = visit.open(withParam(visit.link(visit.newConnection()), "redirect_uri", "https://evil.example.test/cb"));

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.location()).isEmpty();
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("whitelist");
    }

    @Test
    void webauthWithAQueryStringInTheRedirectUriThenErrorPageAndNoRedirect() {
        Page page = visit.open(withParam(visit.link(visit.newConnection()), "redirect_uri",
                TestClient.REDIRECT_URI + "?next=https://evil.example.test"));

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.location()).isEmpty();
        assertThat(page.body()).contains("query string");
    }

    @Test
    void webauthWithASpentSingleUseCodeThenRefusedBackToTheIntegrator() {
        URI link = visit.link(visit.newConnection());
        visit.open(link);

        Page again = visit.open(link);

        assertThat(again.status()).isEqualTo(307);
        assertThat(again.location().orElseThrow().toString()).startsWith(TestClient.REDIRECT_URI);
        assertThat(again.locationQuery()).containsEntry("error", "unauthorized");
    }

    @Test
    void webauthWithAnExpiredCodeThenRefused() {
        URI link = visit.link(visit.newConnection());
        clock.advance(TokenKind.SINGLE_USE_CODE.lifetime().plus(Duration.ofSeconds(1)));

        assertThat(visit.open(link).locationQuery()).containsEntry("error", "unauthorized");
    }

    @Test
    void webauthWithAPermanentTokenThenRefused() {
        URI link = withParam(visit.link(visit.newConnection()), "token", user.token());

        assertThat(visit.open(link).locationQuery()).containsEntry("error", "unauthorized");
    }

    @Test
    void bankCallbackReplayedThenErrorPageAndNoRedirect() {
        Page consent = visit.logIn(visit.loginPage(visit.open(visit.link(visit.newConnection()))), BankVisit.LOGIN, "1234");
        Page backFromBank = visit.decide(consent, "accept");
        visit.follow(backFromBank);

        Page replay = visit.follow(backFromBank);

        assertThat(replay.status()).isEqualTo(400);
        assertThat(replay.location()).isEmpty();
    }

    /**
     * The integrator deletes the connection while its user is at the bank: the return is no forged one, and
     * goes back to the integrator as an error (docs/webauth.md), once; nothing is resumed or left behind.
     */
    @Test
    void connectionDeletedWhileTheUserWasAtTheBankThenNotFoundBackToTheIntegratorOnce() {
        Page consent = visit.logIn(visit.loginPage(visit.open(visit.link(visit.newConnection("state", "s7")))),
                BankVisit.LOGIN, "1234");
        Page backFromBank = visit.decide(consent, "accept");
        long id = connections().get(0).get("id").asLong();
        assertThat(api.delete("/users/me/connections/" + id).bearer(user.token()).send().status()).isEqualTo(204);

        assertNotFoundBackToTheIntegratorOnce(backFromBank, "s7");
        assertThat(connections()).as("no connection resumed back to life").isEmpty();
    }

    /** The same when the user is deleted, with its connections, while at the bank (V28: the trip outlives its user). */
    @Test
    void userDeletedWhileAtTheBankThenNotFoundBackToTheIntegratorOnce() {
        Page consent = visit.logIn(visit.loginPage(visit.open(visit.link(visit.newConnection("state", "s8")))),
                BankVisit.LOGIN, "1234");
        Page backFromBank = visit.decide(consent, "accept");
        assertThat(api.delete("/users/me").bearer(user.token()).send().status()).isEqualTo(204);

        assertNotFoundBackToTheIntegratorOnce(backFromBank, "s8");
    }

    /** The return goes to the integrator as {@code notFound} with its {@code state}, and is spent. */
    private void assertNotFoundBackToTheIntegratorOnce(Page backFromBank, String state) {
        Page back = visit.follow(backFromBank);
        Page replay = visit.follow(backFromBank);

        assertThat(back.status()).as(back.toString()).isEqualTo(302);
        assertThat(back.location().orElseThrow().toString()).startsWith(TestClient.REDIRECT_URI + "?");
        assertThat(back.locationQuery()).containsEntry("error", "notFound").containsEntry("state", state)
                .doesNotContainKey("id_connection");
        assertThat(back.locationQuery().get("error_description")).contains("deleted");
        assertThat(replay.status()).as("the return is spent").isEqualTo(400);
        assertThat(replay.location()).isEmpty();
    }

    @Test
    void theInvalidLinkPageSpeaksTheBrowsersLanguageWithTheServersWordsEscaped() {
        URI link = withParam(visit.link(visit.newConnection()), "redirect_uri", "https://evil.example.test/cb");

        Page french = visit.browser().get(link, "fr-FR,fr;q=0.9,en;q=0.5");
        Page english = visit.browser().get(link, "en-GB");

        assertThat(french.status()).isEqualTo(400);
        assertThat(HtmlUtils.htmlUnescape(french.body())).contains("<html lang=\"fr\"", "Une erreur est survenue",
                "Ce lien d'authentification est invalide", "'redirect_uri' is not in the whitelist");
        assertThat(french.body()).contains("&#39;redirect_uri&#39;").doesNotContain("Something went wrong");
        assertThat(HtmlUtils.htmlUnescape(english.body())).contains("<html lang=\"en\"", "Something went wrong",
                "This authentication link is invalid").doesNotContain("Une erreur");
    }

    /** A Latin-1 {@code state}, a NUL: refused before any controller, as the browser's page and not the API's JSON. */
    @Test
    void aLinkOrABankReturnWhoseParametersCannotBeReadThenTheInvalidLinkPageInTheBrowsersLanguage() {
        URI latin1 = URI.create(visit.link(visit.newConnection()) + "&state=caf%E9");
        URI nul = URI.create(api.base() + "/webauth/callback?code=x&state=a%00b");

        Page french = visit.browser().get(latin1, "fr");
        Page english = visit.browser().get(nul, "en");

        assertThat(french.status()).isEqualTo(400);
        assertThat(french.location()).isEmpty();
        assertThat(french.contentType()).startsWith("text/html");
        assertThat(HtmlUtils.htmlUnescape(french.body())).contains("<html lang=\"fr\"", "Ce lien d'authentification est invalide");
        assertThat(english.status()).isEqualTo(400);
        assertThat(english.contentType()).startsWith("text/html");
        assertThat(english.body()).contains("This authentication link is invalid").doesNotContain("\"code\"");
    }

    @Test
    void theUnknownReturnPageIsInFrenchOrInEnglishWithoutASecondLanguage() {
        URI forged = URI.create(api.base() + "/webauth/callback?code=x&state=forged");

        assertThat(HtmlUtils.htmlUnescape(visit.browser().get(forged, "fr").body()))
                .contains("Ce retour de la banque ne correspond à aucune authentification en cours.")
                .doesNotContain("matches no authentication", "Detail");
        assertThat(HtmlUtils.htmlUnescape(visit.browser().get(forged, "de, en;q=0.8").body()))
                .contains("This return from the bank matches no authentication under way.")
                .doesNotContain("aucune authentification");
    }

    @Test
    void bankCallbackWithAnUnknownStateThenErrorPageAndNoRedirect() {
        Page page = visit.open(URI.create(api.base() + "/webauth/callback?code=x&state=forged"));

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.location()).isEmpty();
    }

    @Test
    void aPathUnderTheCallbackThatNamesNoReturnThenTheUnknownReturnPageNotJson() {
        Page trailingSlash = visit.browser().get(URI.create(api.base() + "/webauth/callback/"), "fr");
        Page tooDeep = visit.browser().get(URI.create(api.base() + "/webauth/callback/abc/refused/more"), "en");

        assertThat(trailingSlash.status()).isEqualTo(404);
        assertThat(trailingSlash.contentType()).startsWith("text/html");
        assertThat(HtmlUtils.htmlUnescape(trailingSlash.body())).contains("Ce retour de la banque ne correspond à aucune");
        assertThat(tooDeep.status()).isEqualTo(404);
        assertThat(tooDeep.body()).contains("This return from the bank matches no authentication under way.");
    }

    @Test
    void bankCallbackAfterTheFlowExpiredThenAccessDenied() {
        Page consent = visit.logIn(visit.loginPage(visit.open(visit.link(visit.newConnection()))), BankVisit.LOGIN, "1234");
        Page backFromBank = visit.decide(consent, "accept");
        clock.advance(Duration.ofMinutes(31));

        Page back = visit.follow(backFromBank);

        assertThat(back.locationQuery()).containsEntry("error", "access_denied");
    }

    private JsonNode connections() {
        return api.get("/users/me/connections").bearer(user.token()).send().json().get("connections");
    }

    private static URI withParam(URI link, String name, String value) {
        Map<String, String> params = new LinkedHashMap<>(Browser.query(link));
        params.put(name, value);
        return RedirectUris.withQuery(link.toString().substring(0, link.toString().indexOf('?')), params);
    }
}
