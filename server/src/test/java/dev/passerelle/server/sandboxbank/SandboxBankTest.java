package dev.passerelle.server.sandboxbank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.connector.Account;
import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.MutableClock;
import dev.passerelle.server.support.SandboxMode;
import dev.passerelle.server.support.TestApi;
import dev.passerelle.server.webauth.Browser;
import dev.passerelle.server.webauth.Browser.Page;
import dev.passerelle.server.webauth.RedirectUris;
import dev.passerelle.testbank.SandboxCustomers;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;

/** The simulated PSD2 bank: OAuth2 authorization code with a login page, a consent screen and a token endpoint. */
@IntegrationTest
@SandboxMode
class SandboxBankTest {

    private static final String CLIENT_ID = "passerelle-testbank";
    private static final String CLIENT_SECRET = "sandbox-secret";

    @Autowired
    TestApi api;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;

    private final Browser browser = new Browser();

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void authorizeThenAccessibleLoginPageWithoutExternalAssets() {
        Page login = browser.get(authorize(params()));

        assertThat(login.status()).isEqualTo(200);
        assertThat(login.contentType()).startsWith("text/html");
        assertThat(login.body()).contains("<label for=\"login\">", "<label for=\"password\">", "id=\"login\"",
                        "id=\"password\"", "<button type=\"submit\">")
                .doesNotContain("<script", "src=", "<link", "aria-describedby");
    }

    @Test
    void theLoginPageSpeaksFrenchToAFrenchBrowser() {
        TestApi.Response login = api.get(authorizePath()).header("Accept-Language", "fr-FR,fr;q=0.9,en;q=0.5").send();

        assertThat(login.status()).isEqualTo(200);
        assertThat(login.header("Content-Language")).isEqualTo("fr");
        assertThat(login.text()).contains("<html lang=\"fr\"", "<title>Banque de test Passerelle</title>",
                        ">Identifiant</label>", ">Code (1234)</label>", ">Se connecter</button>",
                        "Connectez-vous pour autoriser l&#39;accès à vos comptes.")
                .doesNotContain("Log in");
    }

    @Test
    void theLoginPageSpeaksEnglishToABrowserThatPrefersNeitherLanguage() {
        TestApi.Response login = api.get(authorizePath()).header("Accept-Language", "de-DE,de;q=0.9").send();

        assertThat(login.header("Content-Language")).isEqualTo("en");
        assertThat(login.text()).contains("<html lang=\"en\"", "<title>Passerelle test bank</title>",
                        ">Login</label>", ">Passcode (1234)</label>", ">Log in</button>")
                .doesNotContain("Identifiant");
    }

    @Test
    void anErrorPageSpeaksTheBrowsersLanguageToo() {
        Map<String, String> params = params();
        params.put("client_id", "someone-else");

        TestApi.Response page = api.get(authorizePath(params)).header("Accept-Language", "fr").send();

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.text()).contains("<html lang=\"fr\"", "Une erreur est survenue", "role=\"alert\"",
                "Application inconnue de la banque.");
    }

    @Test
    void thePagesAreNeitherCachedNorFramedNorSentAsReferrer() {
        TestApi.Response login = api.get(authorizePath()).send();

        assertThat(login.header("Cache-Control")).contains("no-store");
        assertThat(login.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(login.header("Content-Security-Policy")).contains("default-src 'none'", "frame-ancestors 'none'");
        assertThat(login.header("Referrer-Policy")).isEqualTo("no-referrer");
    }

    @Test
    void authorizeWithAnUnregisteredRedirectUriThenErrorPageAndNoRedirect() {
        Map<String, String> params = params();
        params.put("redirect_uri", "https://evil.example.test/cb");

        Page page = browser.get(authorize(params));

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.location()).isEmpty();
    }

    @Test
    void authorizeForAnUnknownClientThenErrorPageAndNoRedirect() {
        Map<String, String> params = params();
        params.put("client_id", "someone-else");

        Page page = browser.get(authorize(params));

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.location()).isEmpty();
    }

    @Test
    void authorizeForAnotherResponseTypeThenUnsupportedResponseTypeBackToTheClient() {
        Map<String, String> params = params();
        params.put("response_type", "token");

        Page page = browser.get(authorize(params));

        assertThat(Browser.query(page.location().orElseThrow())).containsEntry("error", "unsupported_response_type")
                .containsEntry("state", "st-1");
    }

    @Test
    void wrongPasswordThenTheLoginPageAgainWithAnAlert() {
        Page page = logIn("alice", "0000");

        assertThat(page.status()).isEqualTo(401);
        assertThat(page.body()).contains("id=\"login-error\"", "role=\"alert\"", "Wrong login or passcode.",
                "aria-describedby=\"login-error\"").doesNotContain("name=\"ticket\"");
    }

    @Test
    void wrongPasswordThenTheLoginPageKeepsTheAuthorizationRequestInItsHiddenFields() {
        Page page = logIn("alice", "0000");

        assertThat(page.input("client_id")).isEqualTo(CLIENT_ID);
        assertThat(page.input("redirect_uri")).isEqualTo(callback());
        assertThat(page.input("state")).isEqualTo("st-1");
        assertThat(page.input("scenario")).isEqualTo("par");
    }

    @Test
    void loginWithUnusualCharactersThenRefusedBeforeAnyConsent() {
        Page page = logIn("<b>alice</b>", "1234");

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).doesNotContain("<b>alice").doesNotContain("name=\"ticket\"");
    }

    @Test
    void rightPasswordThenConsentScreenListsTheAccountsOfTheLogin() {
        Page consent = logIn("alice", "1234");

        assertThat(consent.status()).isEqualTo(200);
        assertThat(consent.body()).contains("value=\"accept\"", "value=\"deny\"");
        SandboxCustomers.accounts("alice", "par", clock.instant())
                .forEach(account -> assertThat(consent.body()).contains(escaped(account)));
    }

    @Test
    void theBankKeepsTheCustomersLoginAndJourneyOnlySealed() {
        logIn("alice.sealed", "1234");

        String row = jdbc.sql("SELECT * FROM sandbox_bank_authorization").query().listOfRows().toString();

        assertThat(row).contains("journey").contains("v1.")
                .doesNotContain("alice.sealed").doesNotContain("st-1").doesNotContain("/webauth/callback");
    }

    @Test
    void acceptThenBackToTheClientWithACodeAndTheState() {
        Page back = decide(logIn("alice", "1234"), "accept");

        assertThat(back.status()).isEqualTo(303);
        assertThat(back.location().orElseThrow().toString()).startsWith(callback() + "?");
        assertThat(Browser.query(back.location().orElseThrow())).containsKey("code").containsEntry("state", "st-1");
    }

    @Test
    void aStateWithReservedCharactersComesBackAsItWasSent() {
        String state = "a&b=c+d é/?#%20{x}";
        Map<String, String> params = params();
        params.put("state", state);

        Page back = decide(logIn(params, "alice", "1234"), "accept");

        assertThat(Browser.query(back.location().orElseThrow())).containsEntry("state", state).containsKey("code");
    }

    @Test
    void denyThenBackToTheClientWithAccessDenied() {
        Page back = decide(logIn("alice", "1234"), "deny");

        assertThat(Browser.query(back.location().orElseThrow())).containsEntry("error", "access_denied")
                .containsEntry("state", "st-1").doesNotContainKey("code");
    }

    @Test
    void consentAnsweredTwiceThenTheSecondIsRefused() {
        Page consent = logIn("alice", "1234");
        decide(consent, "accept");

        Page again = decide(consent, "accept");

        assertThat(again.status()).isEqualTo(400);
        assertThat(again.location()).isEmpty();
    }

    @Test
    void codeExchangedThenTokensForTheCustomer() {
        TestApi.Response response = exchange(code(), callback(), basic(CLIENT_ID, CLIENT_SECRET));

        assertThat(response.status()).isEqualTo(200);
        JsonNode tokens = response.json();
        assertThat(tokens.get("access_token").asString()).isNotBlank();
        assertThat(tokens.get("refresh_token").asString()).isNotBlank();
        assertThat(tokens.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(tokens.get("expires_in").asLong()).isEqualTo(3600);
        assertThat(tokens.get("psu_id").asString()).isEqualTo("alice");
        assertThat(response.header("Cache-Control")).contains("no-store");
    }

    @Test
    void codeExchangedTwiceThenTheSecondIsInvalidGrant() {
        String code = code();
        exchange(code, callback(), basic(CLIENT_ID, CLIENT_SECRET));

        TestApi.Response again = exchange(code, callback(), basic(CLIENT_ID, CLIENT_SECRET));

        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("error").asString()).isEqualTo("invalid_grant");
    }

    @Test
    void codeExchangedAfterItsLifetimeThenInvalidGrant() {
        String code = code();
        clock.advance(Duration.ofMinutes(2).plusSeconds(1));

        TestApi.Response response = exchange(code, callback(), basic(CLIENT_ID, CLIENT_SECRET));

        assertThat(response.json().get("error").asString()).isEqualTo("invalid_grant");
    }

    @Test
    void codeExchangedWithAnotherRedirectUriThenInvalidGrant() {
        TestApi.Response response = exchange(code(), callback() + "/other", basic(CLIENT_ID, CLIENT_SECRET));

        assertThat(response.json().get("error").asString()).isEqualTo("invalid_grant");
    }

    @Test
    void codeExchangedWithAWrongSecretThenInvalidClient() {
        TestApi.Response response = exchange(code(), callback(), basic(CLIENT_ID, "guess"));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("error").asString()).isEqualTo("invalid_client");
        assertThat(response.header("WWW-Authenticate")).startsWith("Basic");
    }

    @Test
    void clientCredentialsInTheFormAreAcceptedToo() {
        TestApi.Response response = api.post("/sandbox/bank/token").form(Map.of("grant_type", "authorization_code",
                "code", code(), "redirect_uri", callback(), "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET)).send();

        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void anotherGrantTypeThenUnsupportedGrantType() {
        TestApi.Response response = api.post("/sandbox/bank/token").header("Authorization", basic(CLIENT_ID, CLIENT_SECRET))
                .form(Map.of("grant_type", "password")).send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("error").asString()).isEqualTo("unsupported_grant_type");
    }

    private Map<String, String> params() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("response_type", "code");
        params.put("client_id", CLIENT_ID);
        params.put("redirect_uri", callback());
        params.put("state", "st-1");
        params.put("scenario", "par");
        return params;
    }

    private String callback() {
        return api.base() + "/webauth/callback";
    }

    private URI authorize(Map<String, String> params) {
        return RedirectUris.withQuery(api.base() + "/sandbox/bank/authorize", params);
    }

    private String authorizePath() {
        return authorizePath(params());
    }

    private String authorizePath(Map<String, String> params) {
        return RedirectUris.withQuery("/sandbox/bank/authorize", params).toString();
    }

    private Page logIn(String login, String password) {
        return logIn(params(), login, password);
    }

    private Page logIn(Map<String, String> params, String login, String password) {
        Page page = browser.get(authorize(params));
        Map<String, String> form = new LinkedHashMap<>(params);
        form.remove("response_type");
        form.put("login", login);
        form.put("password", password);
        return browser.post(page.resolve("authorize"), form);
    }

    private Page decide(Page consent, String decision) {
        return browser.post(consent.resolve("consent"), Map.of("ticket", consent.input("ticket"), "decision", decision));
    }

    private String code() {
        return Browser.query(decide(logIn("alice", "1234"), "accept").location().orElseThrow()).get("code");
    }

    private TestApi.Response exchange(String code, String redirectUri, String authorization) {
        return api.post("/sandbox/bank/token").header("Authorization", authorization)
                .form(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", redirectUri)).send();
    }

    private static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private static String escaped(Account account) {
        return HtmlUtils.htmlEscape(account.name(), "UTF-8");
    }
}
