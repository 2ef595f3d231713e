package dev.passerelle.server.webauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.clients.TestClient;
import dev.passerelle.server.support.TestApi;
import dev.passerelle.server.support.TestConnector;
import dev.passerelle.server.support.TestUsers.TestUser;
import dev.passerelle.server.webauth.Browser.Page;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One user's web authentication at the sandbox bank, walked as their browser does: the integrator asks
 * {@code /webauth-url}, the browser opens it, logs in at the bank, answers the consent screen and
 * follows the callback back to the integrator's {@code redirect_uri}.
 */
public final class BankVisit {

    static final String TESTBANK_UUID = TestConnector.UUID;
    static final String LOGIN = TestConnector.LOGIN;

    private final TestApi api;
    private final Browser browser = new Browser();
    private final TestClient client;
    private final TestUser user;

    public BankVisit(TestApi api, TestClient client, TestUser user) {
        this.api = api;
        this.client = client;
        this.user = user;
    }

    /** {@code /webauth-url} parameters for a new test-bank connection, plus {@code more} (name, value, …). */
    public Map<String, String> newConnection(String... more) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_id", Long.toString(client.id()));
        params.put("redirect_uri", TestClient.REDIRECT_URI);
        params.put("connector_uuid", TESTBANK_UUID);
        for (int i = 0; i < more.length; i += 2) {
            params.put(more[i], more[i + 1]);
        }
        return params;
    }

    /** {@code /webauth-url} parameters to reconnect {@code connectionId}. */
    Map<String, String> reconnect(long connectionId) {
        Map<String, String> params = newConnection("id_connection", Long.toString(connectionId));
        params.remove("connector_uuid");
        return params;
    }

    TestApi.Response webauthUrl(Map<String, String> params) {
        return api.get(RedirectUris.withQuery("/webauth-url", params).toString()).bearer(user.token()).send();
    }

    /** The link {@code /webauth-url} gives. */
    public URI link(Map<String, String> params) {
        TestApi.Response response = webauthUrl(params);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return URI.create(response.json().get("url").asString());
    }

    /** The user's browser, for a visit off the usual path. */
    Browser browser() {
        return browser;
    }

    /** The browser opens {@code url} (a {@code /webauth} link). */
    Page open(URI url) {
        return browser.get(url);
    }

    /** From the redirect to the bank: the login page. */
    Page loginPage(Page toBank) {
        assertThat(toBank.status()).as(toBank.toString()).isEqualTo(307);
        Page page = browser.follow(toBank);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return page;
    }

    /** Submits the login form. */
    Page logIn(Page loginPage, String login, String password) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String hidden : new String[] {"client_id", "redirect_uri", "state", "scenario"}) {
            form.put(hidden, loginPage.input(hidden));
        }
        form.put("login", login);
        form.put("password", password);
        return browser.post(loginPage.resolve("authorize"), form);
    }

    /** Answers the consent screen ({@code accept} or {@code deny}). */
    Page decide(Page consent, String decision) {
        return browser.post(consent.resolve("consent"), Map.of("ticket", consent.input("ticket"), "decision", decision));
    }

    /** Follows a redirect. */
    Page follow(Page page) {
        return browser.follow(page);
    }

    /** The whole trip from a {@code /webauth} link with {@code decision}: the final redirect to the integrator. */
    Page walk(URI link, String decision) {
        return walk(link, decision, LOGIN);
    }

    /** The same trip, logging in at the bank as {@code login}. */
    public Page walk(URI link, String decision, String login) {
        Page consent = logIn(loginPage(open(link)), login, "1234");
        assertThat(consent.status()).as(consent.toString()).isEqualTo(200);
        Page backFromBank = decide(consent, decision);
        assertThat(backFromBank.status()).as(backFromBank.toString()).isEqualTo(303);
        return follow(backFromBank);
    }

    /** The query of the final redirect to the integrator, after the whole trip. */
    Map<String, String> answer(URI link, String decision) {
        Page back = walk(link, decision);
        assertThat(back.status()).as(back.toString()).isEqualTo(302);
        assertThat(back.location().orElseThrow().toString()).startsWith(TestClient.REDIRECT_URI + "?");
        return back.locationQuery();
    }

    TestApi.Response connection(long id) {
        return api.get("/users/me/connections/" + id).bearer(user.token()).send();
    }

    /** Every discovered account, consented or not. */
    TestApi.Response accounts(long id) {
        return api.get("/users/me/connections/" + id + "/accounts?all").bearer(user.token()).send();
    }

    TestApi.Response sync(long id) {
        return api.put("/users/me/connections/" + id).bearer(user.token()).send();
    }
}
