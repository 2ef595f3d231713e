package dev.passerelle.xs2a.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OAuthScaTest {

    static final String VERIFIER = Tpp.PKCE_VERIFIER;
    static final String CALLBACK = Tpp.OAUTH_CALLBACK;

    Xs2aSimulator bank;
    Tpp tpp;

    @BeforeEach
    void start() {
        bank = Xs2aSimulator.start();
        tpp = new Tpp(bank);
    }

    @AfterEach
    void stop() {
        bank.close();
    }

    @Test
    void authorizationCodeWithPkceGivesTheTokenThatReadsTheAccounts() {
        Tpp.Reply created = tpp.createConsent("oauth");
        String consentId = created.json().get("consentId").asText();
        assertThat(created.header("ASPSP-SCA-Approach")).isEqualTo("REDIRECT");
        Tpp.Reply metadata = tpp.browse(created.href("scaOAuth"));
        assertThat(metadata.json().get("code_challenge_methods_supported").get(0).asText()).isEqualTo("S256");
        String authorize = metadata.json().get("authorization_endpoint").asText();

        Tpp.Reply page = tpp.browse(authorize + "?response_type=code&client_id=tpp&state=xyz&scope=AIS:" + consentId
                + "&redirect_uri=" + URLEncoder.encode(CALLBACK, StandardCharsets.UTF_8)
                + "&code_challenge=" + challenge(VERIFIER) + "&code_challenge_method=S256");
        assertThat(page.status()).isEqualTo(200);
        String request = page.text().replaceAll("(?s).*name=\"request\" value=\"([^\"]+)\".*", "$1");
        tpp.form(authorize, Map.of("request", request, "psuId", "oauth", "password", "secret", "action", "login"));
        Tpp.Reply back = tpp.form(authorize, Map.of("request", request, "action", "accept"));
        assertThat(back.status()).isEqualTo(303);
        URI location = URI.create(back.header("Location"));
        assertThat(location.getQuery()).contains("state=xyz");
        String code = location.getQuery().replaceAll(".*code=([^&]+).*", "$1");

        Map<String, String> exchange = new LinkedHashMap<>();
        exchange.put("grant_type", "authorization_code");
        exchange.put("code", code);
        exchange.put("redirect_uri", CALLBACK);
        exchange.put("client_id", "tpp");
        exchange.put("code_verifier", "wrong-verifier-wrong-verifier-wrong-verifier-1");
        String token = metadata.json().get("token_endpoint").asText();
        Tpp.Reply refused = tpp.form(token, exchange);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("error").asText()).isEqualTo("invalid_grant");

        Tpp.Reply second = tpp.form(token, exchange);
        assertThat(second.json().get("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void accountDataOfAnOAuthConsentNeedsItsBearerToken() {
        Tpp.Reply created = tpp.createConsent("oauth");
        String consentId = created.json().get("consentId").asText();
        String accessToken = authorise(consentId);

        Tpp.Reply without = tpp.get("/v1/accounts", "Consent-ID", consentId);
        assertThat(without.status()).isEqualTo(401);
        assertThat(without.code()).isEqualTo("TOKEN_INVALID");
        Tpp.Reply unknown = tpp.get("/v1/accounts", "Consent-ID", consentId, "Authorization", "Bearer nope");
        assertThat(unknown.code()).isEqualTo("TOKEN_UNKNOWN");

        Tpp.Reply with = tpp.get("/v1/accounts", "Consent-ID", consentId, "Authorization", "Bearer " + accessToken);
        assertThat(with.status()).isEqualTo(200);
        assertThat(with.json().get("accounts")).hasSize(3);
    }

    @Test
    void anExpiredAccessTokenIsRefusedAndTheRefreshTokenGivesANewOneOnce() {
        String consentId = tpp.createConsent("oauth").json().get("consentId").asText();
        Tpp.Reply token = tpp.oauthToken(consentId);
        bank.clock().advance(Duration.ofHours(2));

        Tpp.Reply expired = tpp.get("/v1/accounts", "Consent-ID", consentId,
                "Authorization", "Bearer " + token.json().get("access_token").asText());
        assertThat(expired.code()).isEqualTo("TOKEN_EXPIRED");
        Map<String, String> refresh = Map.of("grant_type", "refresh_token",
                "refresh_token", token.json().get("refresh_token").asText());
        Tpp.Reply refreshed = tpp.form(bank.baseUrl() + "/oauth/token", refresh);
        assertThat(tpp.get("/v1/accounts", "Consent-ID", consentId,
                "Authorization", "Bearer " + refreshed.json().get("access_token").asText()).status()).isEqualTo(200);
        assertThat(tpp.form(bank.baseUrl() + "/oauth/token", refresh).json().get("error").asText())
                .isEqualTo("invalid_grant");
    }

    @Test
    void authorizeWithoutPkceIsSentBackWithInvalidRequest() {
        String consentId = tpp.createConsent("oauth").json().get("consentId").asText();

        Tpp.Reply back = tpp.browse(bank.baseUrl() + "/oauth/authorize?response_type=code&client_id=tpp&state=s"
                + "&scope=AIS:" + consentId + "&redirect_uri=" + URLEncoder.encode(CALLBACK, StandardCharsets.UTF_8));

        assertThat(back.status()).isEqualTo(303);
        assertThat(back.header("Location")).startsWith(CALLBACK + "?error=invalid_request").contains("state=s");
    }

    private String authorise(String consentId) {
        return tpp.oauthToken(consentId).json().get("access_token").asText();
    }

    private static String challenge(String verifier) {
        return Tpp.s256(verifier);
    }
}
