package dev.passerelle.server.berlingroup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.clients.TestClient;
import dev.passerelle.server.support.TestApi;
import dev.passerelle.server.support.TestUsers.TestUser;
import dev.passerelle.server.webauth.RedirectUris;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import tools.jackson.databind.JsonNode;

/**
 * One user of an integrator, and their browser: asks {@code /webauth-url}, opens the link, and at the
 * simulated bank logs in and accepts or denies, then follows the bank's redirect through the server's
 * callback to the integrator's {@code redirect_uri}; also the API calls the tests read the result with.
 */
final class PsuWalk {

    private final TestApi api;
    private final TestClient client;
    private final TestUser user;
    private final HttpClient browser;

    PsuWalk(TestApi api, Xs2aBank bank, TestClient client, TestUser user) {
        this.api = api;
        this.client = client;
        this.user = user;
        this.browser = HttpClient.newBuilder().sslContext(bank.browserTls())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The user's token, for the API calls a test makes itself. */
    String token() {
        return user.token();
    }

    TestUser user() {
        return user;
    }

    /** The {@code /webauth} link of a new connection to the bank, with the connector's fields {@code extra}. */
    URI link(Map<String, String> extra) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_id", Long.toString(client.id()));
        params.put("redirect_uri", TestClient.REDIRECT_URI);
        params.put("connector_uuid", Xs2aBank.UUID);
        params.putAll(extra);
        TestApi.Response answer = api.get(RedirectUris.withQuery("/webauth-url", params).toString())
                .bearer(user.token()).send();
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        return URI.create(answer.json().get("url").asString());
    }

    /**
     * Opens a link that brings the browser straight back (no page at the bank: {@code /webauth}'s 307,
     * §5.2): the integrator's query.
     */
    Map<String, String> open(URI link) {
        HttpResponse<String> back = get(link);
        assertThat(back.statusCode()).as(back.body()).isEqualTo(307);
        return query(location(back));
    }

    /**
     * The whole trip: the bank's login page (redirect or OAuth authorize) as {@code psuId}, then
     * {@code decision} (accept or deny), each page's form posted with its own hidden fields as a browser
     * would.
     */
    Map<String, String> walk(URI link, String psuId, String decision) {
        HttpResponse<String> toBank = get(link);
        assertThat(toBank.statusCode()).as(toBank.body()).isEqualTo(307);
        HttpResponse<String> login = get(location(toBank));
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        HttpResponse<String> consent = submit(login, Map.of("psuId", psuId, "password", "secret", "action", "login"));
        assertThat(consent.statusCode()).as(consent.body()).isEqualTo(200);
        HttpResponse<String> back = submit(consent, Map.of("action", decision));
        assertThat(back.statusCode()).as(back.body()).isEqualTo(303);
        return backAtTheIntegrator(get(location(back)));
    }

    /** A new connection authorised at the bank as {@code psuId}: its id. */
    long connected(String psuId) {
        Map<String, String> back = walk(link(Map.of()), psuId, "accept");
        assertThat(back).as("%s", back).containsKey("id_connection");
        return Long.parseLong(back.get("id_connection"));
    }

    JsonNode connection(long id) {
        return api.get("/users/me/connections/" + id).bearer(user.token()).send().json();
    }

    /** Every discovered account, consented or not. */
    JsonNode accounts(long id) {
        return api.get("/users/me/connections/" + id + "/accounts?all").bearer(user.token()).send().json()
                .get("accounts");
    }

    void activate(long connection, long account) {
        TestApi.Response activated = api.put("/users/me/connections/" + connection + "/accounts/" + account + "?all")
                .bearer(user.token()).json(Map.of("disabled", false)).send();
        assertThat(activated.status()).as("%s", activated).isEqualTo(200);
    }

    /** The connection's one source, as {@code GET …/sources} shows it. */
    JsonNode source(long id) {
        return api.get("/users/me/connections/" + id + "/sources").bearer(user.token()).send().json()
                .get("sources").get(0);
    }

    /** The user answers what the connection asks ({@code POST …/connections/{id}}). */
    TestApi.Response answer(long id, Map<String, String> fields) {
        return api.post("/users/me/connections/" + id).bearer(user.token()).json(fields).send();
    }

    /** The connection's timeline, newest first. */
    JsonNode logs(long id) {
        return api.get("/users/me/connections/" + id + "/logs").bearer(user.token()).send().json()
                .get("connectionlogs");
    }

    /** The callback's 302 to the integrator (docs/protocol.md §5.3): its query. */
    private Map<String, String> backAtTheIntegrator(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        return query(location(response));
    }

    private static Map<String, String> query(URI back) {
        assertThat(back.toString()).startsWith(TestClient.REDIRECT_URI + "?");
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : back.getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            query.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                    parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
        }
        return query;
    }

    private static URI location(HttpResponse<String> response) {
        return response.uri().resolve(response.headers().firstValue("Location").orElseThrow(() ->
                new AssertionError("no Location: " + response.statusCode() + " " + response.body())));
    }

    private HttpResponse<String> get(URI url) {
        return send(HttpRequest.newBuilder(url).GET().build());
    }

    /** Posts the page's form: its hidden fields and {@code typed}. */
    private HttpResponse<String> submit(HttpResponse<String> page, Map<String, String> typed) {
        Element form = Jsoup.parse(page.body(), page.uri().toString()).selectFirst("form");
        assertThat(form).as(page.body()).isNotNull();
        Map<String, String> fields = new LinkedHashMap<>();
        form.select("input[type=hidden]").forEach(input -> fields.put(input.attr("name"), input.val()));
        fields.putAll(typed);
        String action = form.attr("action");
        return post(action.isBlank() ? page.uri() : page.uri().resolve(action), fields);
    }

    private HttpResponse<String> post(URI url, Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(url).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return browser.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
