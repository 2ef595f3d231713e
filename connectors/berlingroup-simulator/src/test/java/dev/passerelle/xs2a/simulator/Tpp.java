package dev.passerelle.xs2a.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.passerelle.xs2a.simulator.http.Json;
import dev.passerelle.xs2a.simulator.pki.Credential;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;

/**
 * A plain HTTP client playing the TPP in the simulator's tests: every call carries a fresh
 * {@code X-Request-ID}; redirects are never followed, so that tests see where the bank sends the browser.
 */
final class Tpp {

    static final String OK_URI = "https://tpp.example/callback?ok=1";
    static final String NOK_URI = "https://tpp.example/callback?nok=1";
    static final String OAUTH_CALLBACK = "https://tpp.example/oauth";
    static final String PKCE_VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    private final URI base;
    private final HttpClient http;
    private Credential signer;

    Tpp(Xs2aSimulator simulator) {
        this(simulator.baseUrl(), HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build());
    }

    Tpp(URI base, SSLContext tls) {
        this(base, HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).sslContext(tls).build());
    }

    private Tpp(URI base, HttpClient http) {
        this.base = base;
        this.http = http;
    }

    /** Signs every XS2A request with this QSealC (Digest, Signature, TPP-Signature-Certificate). */
    Tpp signWith(Credential qseal) {
        this.signer = qseal;
        return this;
    }

    record Reply(int status, Map<String, List<String>> headers, String text) {
        JsonNode json() {
            try {
                return Json.MAPPER.readTree(text);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + text, e);
            }
        }

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }

        String code() {
            return json().path("tppMessages").path(0).path("code").asText();
        }

        String href(String link) {
            return json().path("_links").path(link).path("href").asText(null);
        }
    }

    Reply send(String method, String path, Object body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(resolve(path)).header("Accept", "application/json");
        Map<String, String> sent = new LinkedHashMap<>();
        sent.put("X-Request-ID", UUID.randomUUID().toString());
        for (int i = 0; i < headers.length; i += 2) {
            sent.put(headers[i], headers[i + 1]);
        }
        byte[] content = body == null ? new byte[0] : body instanceof String text
                ? text.getBytes(StandardCharsets.UTF_8) : Json.bytes(body);
        if (signer != null) {
            sent.putAll(HttpSignatures.sign(signer, content, sent));
        }
        sent.forEach(request::setHeader);
        if (body != null) {
            request.header("Content-Type", "application/json");
            request.method(method, HttpRequest.BodyPublishers.ofByteArray(content));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return exchange(request.build());
    }

    Reply get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    /** A browser-like form post (login pages, OAuth token endpoint). */
    Reply form(String path, Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return exchange(HttpRequest.newBuilder(resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    /** A browser GET of a page (no XS2A headers). */
    Reply browse(String url) {
        return exchange(HttpRequest.newBuilder(resolve(url)).GET().build());
    }

    /** POST /v1/consents for all PSD2 accounts, recurring, four times a day. */
    Reply createConsent(String psuId, String... headers) {
        return createConsent(allPsd2(), psuId, headers);
    }

    Reply createConsent(ObjectNode body, String psuId, String... headers) {
        String[] all = new String[headers.length + 6];
        all[0] = "TPP-Redirect-URI";
        all[1] = OK_URI;
        all[2] = "TPP-Nok-Redirect-URI";
        all[3] = NOK_URI;
        all[4] = "PSU-IP-Address";
        all[5] = "192.168.8.78";
        System.arraycopy(headers, 0, all, 6, headers.length);
        if (psuId != null) {
            String[] withPsu = new String[all.length + 2];
            System.arraycopy(all, 0, withPsu, 0, all.length);
            withPsu[all.length] = "PSU-ID";
            withPsu[all.length + 1] = psuId;
            all = withPsu;
        }
        return send("POST", "/v1/consents", body, all);
    }

    static ObjectNode allPsd2() {
        return consentBody(access -> access.put("allPsd2", "allAccounts"));
    }

    static ObjectNode consentBody(Consumer<ObjectNode> access) {
        ObjectNode body = Json.object();
        access.accept(body.putObject("access"));
        body.put("recurringIndicator", true);
        body.put("validUntil", LocalDate.now().plusYears(20).toString());
        body.put("frequencyPerDay", 4);
        body.put("combinedServiceIndicator", false);
        return body;
    }

    /** The PSU logs in on the redirect page and accepts (or denies): the browser's last stop. */
    Reply redirectAndDecide(String scaRedirect, String psuId, boolean accept) {
        Reply page = browse(scaRedirect);
        if (page.status() != 200) {
            throw new AssertionError("login page: " + page);
        }
        Map<String, String> login = new LinkedHashMap<>();
        login.put("psuId", psuId);
        login.put("password", "secret");
        login.put("action", "login");
        Reply consentPage = form(scaRedirect, login);
        if (consentPage.status() != 200 || !consentPage.text().contains("id=\"accept\"")) {
            throw new AssertionError("consent page: " + consentPage);
        }
        return form(scaRedirect, Map.of("action", accept ? "accept" : "deny"));
    }

    /** A consent authorised by redirect for {@code psuId}: its id. */
    String authorisedConsent(String psuId) {
        Reply created = createConsent(psuId);
        if (created.status() != 201) {
            throw new AssertionError("consent: " + created);
        }
        Reply back = redirectAndDecide(created.href("scaRedirect"), psuId, true);
        if (back.status() != 303) {
            throw new AssertionError("redirect: " + back);
        }
        return created.json().get("consentId").asText();
    }

    /** The PSU allows an OAuth consent on the bank's authorize page; the TPP exchanges the code (PKCE). */
    Reply oauthToken(String consentId) {
        String authorize = base + "/oauth/authorize";
        Reply page = browse(authorize + "?response_type=code&client_id=tpp&state=s&scope=AIS:" + consentId
                + "&redirect_uri=" + URLEncoder.encode(OAUTH_CALLBACK, StandardCharsets.UTF_8)
                + "&code_challenge=" + s256(PKCE_VERIFIER) + "&code_challenge_method=S256");
        String request = page.text().replaceAll("(?s).*name=\"request\" value=\"([^\"]+)\".*", "$1");
        form(authorize, Map.of("request", request, "psuId", "oauth", "password", "secret", "action", "login"));
        String location = form(authorize, Map.of("request", request, "action", "accept")).header("Location");
        String code = URI.create(location).getQuery().replaceAll(".*code=([^&]+).*", "$1");
        Reply token = form(base + "/oauth/token", Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", OAUTH_CALLBACK, "client_id", "tpp", "code_verifier", PKCE_VERIFIER));
        if (token.status() != 200 || !"Bearer".equals(token.json().path("token_type").asText())) {
            throw new AssertionError("token: " + token);
        }
        return token;
    }

    /** The PKCE S256 challenge of a verifier (RFC 7636 §4.2). */
    static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private URI resolve(String path) {
        return path.startsWith("http") ? URI.create(path) : URI.create(base + path);
    }

    private Reply exchange(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
