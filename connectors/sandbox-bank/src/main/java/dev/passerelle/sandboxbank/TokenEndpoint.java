package dev.passerelle.sandboxbank;

import dev.passerelle.sandboxbank.BankAuthorizations.Authorization;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sandbox bank's token endpoint (RFC 6749 §4.1.3, §5): an authorization code, spent at most once
 * and only by the client it was issued to with the same {@code redirect_uri}, for an access token. The
 * client authenticates with HTTP Basic or {@code client_id}/{@code client_secret} in the form. Errors
 * are the RFC's {@code {error, error_description}}, not Passerelle's envelope: this is the bank speaking.
 * Besides the RFC's members the answer names the customer ({@code psu_id}, their bank login), as a PSD2
 * API names the PSU its consent covers.
 */
@Hidden
@RestController
class TokenEndpoint {

    private final RegisteredClient client;
    private final BankAuthorizations authorizations;
    private final SandboxBankProperties properties;
    private final Clock clock;

    TokenEndpoint(RegisteredClient client, BankAuthorizations authorizations, SandboxBankProperties properties,
                  Clock clock) {
        this.client = client;
        this.authorizations = authorizations;
        this.properties = properties;
        this.clock = clock;
    }

    @PostMapping("/sandbox/bank/token")
    ResponseEntity<Map<String, Object>> token(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                                              @RequestParam(name = "grant_type", required = false) String grantType,
                                              @RequestParam(name = "code", required = false) String code,
                                              @RequestParam(name = "redirect_uri", required = false) String redirectUri,
                                              @RequestParam(name = "client_id", required = false) String clientId,
                                              @RequestParam(name = "client_secret", required = false) String clientSecret) {
        Optional<String[]> basic = basic(authorization);
        String id = basic.map(credentials -> credentials[0]).orElse(clientId);
        String secret = basic.map(credentials -> credentials[1]).orElse(clientSecret);
        if (!client.authenticates(id, secret)) {
            return error(HttpStatus.UNAUTHORIZED, "invalid_client", "Unknown client or wrong secret");
        }
        if (!"authorization_code".equals(grantType)) {
            return error(HttpStatus.BAD_REQUEST, "unsupported_grant_type", "Only authorization_code is supported");
        }
        if (code == null || code.isBlank() || redirectUri == null) {
            return error(HttpStatus.BAD_REQUEST, "invalid_request", "Give code and redirect_uri");
        }
        Optional<Authorization> granted = authorizations.exchange(code, clock.instant())
                .filter(a -> a.clientId().equals(id) && a.redirectUri().equals(redirectUri));
        if (granted.isEmpty()) {
            return error(HttpStatus.BAD_REQUEST, "invalid_grant",
                    "The code is unknown, expired, already used, or was issued for another client or redirect_uri");
        }
        Map<String, Object> tokens = new LinkedHashMap<>();
        tokens.put("access_token", BankSecrets.fresh());
        tokens.put("token_type", "Bearer");
        tokens.put("expires_in", properties.tokenLifetime().toSeconds());
        tokens.put("refresh_token", BankSecrets.fresh());
        tokens.put("scope", "accounts");
        tokens.put("psu_id", granted.get().login());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(tokens);
    }

    /** {@code Basic base64(urlencode(id):urlencode(secret))} (RFC 6749 §2.3.1), if that is what was sent. */
    private static Optional<String[]> basic(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return Optional.empty();
            }
            return Optional.of(new String[] {URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)});
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String error, String description) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status).cacheControl(CacheControl.noStore());
        if (status == HttpStatus.UNAUTHORIZED) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"sandbox-bank\"");
        }
        return response.body(Map.of("error", error, "error_description", description));
    }
}
