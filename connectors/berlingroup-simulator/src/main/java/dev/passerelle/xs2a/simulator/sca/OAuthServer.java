package dev.passerelle.xs2a.simulator.sca;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.passerelle.xs2a.simulator.Bank;
import dev.passerelle.xs2a.simulator.consent.Consent;
import dev.passerelle.xs2a.simulator.consent.ConsentStatus;
import dev.passerelle.xs2a.simulator.http.Call;
import dev.passerelle.xs2a.simulator.http.Json;
import dev.passerelle.xs2a.simulator.http.Response;
import dev.passerelle.xs2a.simulator.http.TppMessageCode;
import dev.passerelle.xs2a.simulator.http.Xs2aException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bank's OAuth2 authorization server for the OAuth SCA approach: metadata (RFC 8414) at the
 * {@code scaOAuth} link, the authorization endpoint (authorization code with PKCE, RFC 7636, S256
 * only; scope {@code AIS:<consentId>}), and the token endpoint (RFC 6749 §4.1.3 and §6). The access
 * token then authorises the account-information calls of that consent ({@code Authorization: Bearer}).
 */
public final class OAuthServer {

    public static final String METADATA_PATH = "/oauth/.well-known/oauth-authorization-server";
    private static final Duration CODE_LIFETIME = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private record PendingRequest(String consentId, String authorisationId, String clientId, String redirectUri,
                                  String state, String codeChallenge) {
    }

    private record Grant(String consentId, String clientId, String redirectUri, String codeChallenge,
                         Instant expiresAt) {
    }

    private record Token(String consentId, Instant expiresAt) {
    }

    private final Bank bank;
    private final ScaFlows flows;
    private final PsuPages pages;
    private final Map<String, PendingRequest> pending = new ConcurrentHashMap<>();
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, Token> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, String> refreshTokens = new ConcurrentHashMap<>();

    public OAuthServer(Bank bank, ScaFlows flows, PsuPages pages) {
        this.bank = bank;
        this.flows = flows;
        this.pages = pages;
    }

    public Response metadata(Call call) {
        ObjectNode body = Json.object();
        body.put("issuer", bank.absolute("/oauth").toString());
        body.put("authorization_endpoint", bank.absolute("/oauth/authorize").toString());
        body.put("token_endpoint", bank.absolute("/oauth/token").toString());
        body.putArray("response_types_supported").add("code");
        body.putArray("grant_types_supported").add("authorization_code").add("refresh_token");
        body.putArray("code_challenge_methods_supported").add("S256");
        body.putArray("token_endpoint_auth_methods_supported").add("none").add("tls_client_auth");
        return Response.json(200, body);
    }

    /** GET /oauth/authorize: checks the request (RFC 6749 §4.1.1), then the login page. */
    public Response authorizePage(Call call) {
        Optional<String> redirectUri = call.query("redirect_uri");
        if (call.query("client_id").filter(id -> !id.isBlank()).isEmpty()) {
            return pages.error("client_id is required.");
        }
        if (redirectUri.filter(OAuthServer::absoluteHttp).isEmpty()) {
            return pages.error("redirect_uri is required and must be an absolute http(s) URI.");
        }
        String state = call.query("state").orElse(null);
        if (!call.query("response_type").orElse("").equals("code")) {
            return backWithError(redirectUri.get(), "unsupported_response_type", "response_type must be code", state);
        }
        Optional<String> challenge = call.query("code_challenge");
        if (challenge.filter(c -> c.matches("[A-Za-z0-9._~-]{43,128}")).isEmpty()
                || !call.query("code_challenge_method").orElse("").equals("S256")) {
            return backWithError(redirectUri.get(), "invalid_request",
                    "PKCE is required: code_challenge with code_challenge_method S256", state);
        }
        String scope = call.query("scope").orElse("");
        Optional<Consent> consent = scope.startsWith("AIS:")
                ? bank.consents().find(scope.substring(4)) : Optional.empty();
        if (consent.isEmpty() || consent.get().approach() != ScaApproach.OAUTH
                || consent.get().status() != ConsentStatus.RECEIVED) {
            return backWithError(redirectUri.get(), "invalid_scope",
                    "scope must be AIS:<consentId> of a consent awaiting OAuth authorisation", state);
        }
        Authorisation authorisation = consent.get().authorisations().stream()
                .filter(a -> a.approach() == ScaApproach.OAUTH && !a.status().terminal())
                .findFirst()
                .orElseGet(() -> flows.create(consent.get(), Optional.empty(), Optional.empty(), Optional.empty()));
        String requestId = randomToken();
        pending.put(requestId, new PendingRequest(consent.get().id(), authorisation.id(), call.query("client_id").get(),
                redirectUri.get(), state, challenge.get()));
        return pages.show(consent.get(), authorisation, action(), Map.of("request", requestId));
    }

    /** POST /oauth/authorize: the login and consent forms; at the end, back to the client with a code or an error. */
    public Response authorizeSubmit(Call call) {
        String requestId = call.formValue(call.form(), "request").orElse("");
        PendingRequest request = pending.get(requestId);
        Optional<Consent> consent = request == null ? Optional.empty() : bank.consents().find(request.consentId());
        Optional<Authorisation> authorisation = consent.flatMap(c -> c.authorisation(request.authorisationId()));
        if (authorisation.isEmpty()) {
            return pages.message(404, "page_unknown");
        }
        return pages.submit(call, consent.get(), authorisation.get(), action(), Map.of("request", requestId),
                accepted -> {
                    pending.remove(requestId);
                    if (!accepted) {
                        return backWithError(request.redirectUri(), "access_denied", "The PSU denied the access",
                                request.state());
                    }
                    String code = randomToken();
                    codes.put(code, new Grant(request.consentId(), request.clientId(), request.redirectUri(),
                            request.codeChallenge(), bank.now().plus(CODE_LIFETIME)));
                    Map<String, String> params = new LinkedHashMap<>();
                    params.put("code", code);
                    params.put("state", request.state());
                    return Response.redirect(withQuery(request.redirectUri(), params));
                });
    }

    /** POST /oauth/token (form): authorization_code with code_verifier, or refresh_token. */
    public Response token(Call call) {
        Map<String, List<String>> form = call.form();
        String grantType = call.formValue(form, "grant_type").orElse("");
        return switch (grantType) {
            case "authorization_code" -> exchangeCode(call, form);
            case "refresh_token" -> refresh(call, form);
            default -> tokenError("unsupported_grant_type", "grant_type must be authorization_code or refresh_token");
        };
    }

    /**
     * Checks the {@code Authorization: Bearer} token of an account-information call on an OAuth consent
     * (TOKEN_INVALID when absent or for another consent, TOKEN_UNKNOWN, TOKEN_EXPIRED).
     */
    public void requireToken(Call call, Consent consent) {
        String authorization = call.header("Authorization").orElse("");
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw Xs2aException.of(TppMessageCode.TOKEN_INVALID,
                    "This consent was authorised with OAuth: send its access token as Authorization: Bearer.");
        }
        Token token = accessTokens.get(authorization.substring(7).trim());
        if (token == null) {
            throw Xs2aException.of(TppMessageCode.TOKEN_UNKNOWN, "The access token is unknown.");
        }
        if (!bank.now().isBefore(token.expiresAt())) {
            throw Xs2aException.of(TppMessageCode.TOKEN_EXPIRED, "The access token expired: refresh it.");
        }
        if (!token.consentId().equals(consent.id())) {
            throw Xs2aException.of(TppMessageCode.TOKEN_INVALID, "The access token belongs to another consent.");
        }
    }

    private Response exchangeCode(Call call, Map<String, List<String>> form) {
        Grant grant = codes.remove(call.formValue(form, "code").orElse(""));
        if (grant == null || !bank.now().isBefore(grant.expiresAt())) {
            return tokenError("invalid_grant", "The authorization code is unknown, used or expired.");
        }
        if (!call.formValue(form, "redirect_uri").orElse("").equals(grant.redirectUri())
                || !call.formValue(form, "client_id").orElse(grant.clientId()).equals(grant.clientId())) {
            return tokenError("invalid_grant", "redirect_uri or client_id do not match the authorization request.");
        }
        String verifier = call.formValue(form, "code_verifier").orElse("");
        if (!verifier.matches("[A-Za-z0-9._~-]{43,128}") || !s256(verifier).equals(grant.codeChallenge())) {
            return tokenError("invalid_grant", "code_verifier does not match the code_challenge (PKCE, S256).");
        }
        return issue(grant.consentId());
    }

    private Response refresh(Call call, Map<String, List<String>> form) {
        String consentId = refreshTokens.remove(call.formValue(form, "refresh_token").orElse(""));
        if (consentId == null) {
            return tokenError("invalid_grant", "The refresh token is unknown or was used already.");
        }
        return issue(consentId);
    }

    private Response issue(String consentId) {
        String access = randomToken();
        String refresh = randomToken();
        Duration lifetime = bank.options().accessTokenLifetime();
        accessTokens.put(access, new Token(consentId, bank.now().plus(lifetime)));
        refreshTokens.put(refresh, consentId);
        ObjectNode body = Json.object();
        body.put("access_token", access);
        body.put("token_type", "Bearer");
        body.put("expires_in", lifetime.toSeconds());
        body.put("refresh_token", refresh);
        body.put("scope", "AIS:" + consentId);
        return Response.json(200, body).withHeader("Cache-Control", "no-store");
    }

    private static Response tokenError(String error, String description) {
        ObjectNode body = Json.object();
        body.put("error", error);
        body.put("error_description", description);
        return Response.json(400, body).withHeader("Cache-Control", "no-store");
    }

    private static Response backWithError(String redirectUri, String error, String description, String state) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("error", error);
        params.put("error_description", description);
        params.put("state", state);
        return Response.redirect(withQuery(redirectUri, params));
    }

    private static URI withQuery(String uri, Map<String, String> params) {
        StringBuilder target = new StringBuilder(uri);
        char separator = uri.contains("?") ? '&' : '?';
        for (Map.Entry<String, String> param : params.entrySet()) {
            if (param.getValue() == null) {
                continue;
            }
            target.append(separator).append(param.getKey()).append('=')
                    .append(URLEncoder.encode(param.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return URI.create(target.toString());
    }

    private String action() {
        return bank.absolute("/oauth/authorize").getPath();
    }

    private static boolean absoluteHttp(String uri) {
        try {
            URI parsed = URI.create(uri);
            return parsed.isAbsolute() && parsed.getHost() != null
                    && (parsed.getScheme().equals("https") || parsed.getScheme().equals("http"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
