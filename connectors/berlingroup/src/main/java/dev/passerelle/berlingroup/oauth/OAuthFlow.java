package dev.passerelle.berlingroup.oauth;

import dev.passerelle.berlingroup.transport.BankError;
import dev.passerelle.berlingroup.transport.Xs2aClient;
import dev.passerelle.connector.ConnectionContext;
import dev.passerelle.connector.Interaction;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The OAuth SCA approach (implementation guidelines, "OAuth2 as SCA approach"): the bank's
 * {@code scaOAuth} link is its authorization server's metadata (RFC 8414); the user authorises the
 * consent there with the authorization code flow (RFC 6749 §4.1) and PKCE (RFC 7636, S256), scope
 * {@code AIS:<consentId>}; the tokens then authorise the consent's data calls, the refresh token
 * renewing the access token (RFC 6749 §6).
 *
 * <p>The {@code redirect_uri} is the server's one fixed callback (banks register it once), and the
 * interaction id travels as {@code state}, by which the server finds the journey again.
 */
public final class OAuthFlow {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Xs2aClient client;
    private final String clientId;

    public OAuthFlow(Xs2aClient client, String clientId) {
        this.client = client;
        this.clientId = clientId;
    }

    /** Where the user authorises, and what to keep until they come back. */
    public record Authorization(URI url, AuthorizationRequest request) {
    }

    /** Reads the authorization server's metadata at the {@code scaOAuth} link and builds the request. */
    public Authorization authorize(ConnectionContext ctx, Interaction interaction, String metadataLink, String consentId) {
        JsonNode metadata = client.external("GET", client.elsewhere("scaOAuth", metadataLink)).send(ctx).body();
        String authorizationEndpoint = endpoint(metadata, "authorization_endpoint");
        String tokenEndpoint = endpoint(metadata, "token_endpoint");
        String verifier = verifier();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", clientId);
        query.put("redirect_uri", interaction.registeredCallbackUrl().toString());
        query.put("state", interaction.id());
        query.put("scope", "AIS:" + consentId);
        query.put("code_challenge", challenge(verifier));
        query.put("code_challenge_method", "S256");
        URI url = URI.create(authorizationEndpoint + (authorizationEndpoint.contains("?") ? "&" : "?") + Xs2aClient.urlEncoded(query));
        return new Authorization(url, new AuthorizationRequest(verifier, interaction.registeredCallbackUrl().toString(),
                tokenEndpoint));
    }

    /** Exchanges the code the user came back with (RFC 6749 §4.1.3). */
    public OAuthTokens exchange(ConnectionContext ctx, AuthorizationRequest request, String code) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", request.redirectUri());
        form.put("client_id", clientId);
        form.put("code_verifier", request.codeVerifier());
        return tokens(ctx, request.tokenEndpoint(), form, null);
    }

    /** A new access token (RFC 6749 §6); the refresh token is kept when the server does not rotate it. */
    public OAuthTokens refresh(ConnectionContext ctx, OAuthTokens tokens) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", tokens.refreshToken());
        form.put("client_id", clientId);
        return tokens(ctx, tokens.tokenEndpoint(), form, tokens.refreshToken());
    }

    private OAuthTokens tokens(ConnectionContext ctx, String endpoint, Map<String, String> form, String previousRefresh) {
        JsonNode body = client.external("POST", URI.create(endpoint)).form(form).send(ctx).body();
        String access = text(body, "access_token").orElseThrow(() ->
                BankError.unusable("POST " + URI.create(endpoint).getRawPath(), "the token answer has no access_token"));
        // RFC 6749 §5.1: the lifetime in seconds. One that is none (negative, a fraction, 1e30) is taken as
        // unknown: the token is then refreshed when the bank says it expired (TOKEN_EXPIRED).
        Instant expiresAt = Optional.of(body.path("expires_in")).filter(JsonNode::isNumber).map(JsonNode::asString)
                .filter(seconds -> seconds.matches("[0-9]{1,9}"))
                .map(seconds -> ctx.clock().instant().plusSeconds(Long.parseLong(seconds))).orElse(null);
        return new OAuthTokens(access, text(body, "refresh_token").orElse(previousRefresh), expiresAt, endpoint);
    }

    private String endpoint(JsonNode metadata, String name) {
        return client.elsewhere(name, text(metadata, name).orElseThrow(() -> BankError.unusable(name,
                "the scaOAuth link gave no " + name + " (RFC 8414 metadata expected)"))).toString();
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isString() || value.asString().isBlank() ? Optional.empty()
                : Optional.of(value.asString());
    }

    /** 64 characters of the unreserved alphabet (RFC 7636 §4.1). */
    private static String verifier() {
        byte[] bytes = new byte[48];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
