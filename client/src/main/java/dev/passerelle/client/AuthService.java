package dev.passerelle.client;

import dev.passerelle.client.model.AccessToken;
import dev.passerelle.client.model.AuthCode;
import dev.passerelle.client.model.AuthToken;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code /auth/*}: users and their tokens (docs/auth.md). */
public final class AuthService {

    private final Transport transport;

    AuthService(Transport transport) {
        this.transport = transport;
    }

    /** A new permanent user of the client application, and its token. */
    public AuthToken init(long clientId, String clientSecret) {
        return transport.call("POST", "/auth/init", null,
                Map.of("client_id", Long.toString(clientId), "client_secret", clientSecret), AuthToken.class);
    }

    /**
     * Without credentials: a temporary user (30 minutes) when the client has no token, or a permanent
     * user bound to no client application when it acts with the config token.
     */
    public AuthToken init() {
        return transport.call("POST", "/auth/init", null, null, AuthToken.class);
    }

    /** A temporary code for the bearer's user; {@code singleUse} spends it at its first use (webview). */
    public AuthCode code(boolean singleUse) {
        return transport.get("/auth/token/code", Query.of().add("type", singleUse ? "singleAccess" : "requestAccess"),
                AuthCode.class);
    }

    /** Exchanges a code (or temporary token) for a permanent token; the user becomes permanent. */
    public AccessToken access(String code, long clientId, String clientSecret, String redirectUri) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("grant_type", "authorization_code");
        body.put("code", code);
        body.put("client_id", Long.toString(clientId));
        body.put("client_secret", clientSecret);
        if (redirectUri != null) {
            body.put("redirect_uri", redirectUri);
        }
        return transport.call("POST", "/auth/token/access", null, body, AccessToken.class);
    }

    /**
     * A new permanent token for user {@code userId} of the client (null: for a new user); with
     * {@code revokePrevious} every other permanent token of the user dies.
     */
    public AccessToken renew(long clientId, String clientSecret, Long userId, boolean revokePrevious) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("grant_type", "client_credentials");
        body.put("client_id", Long.toString(clientId));
        body.put("client_secret", clientSecret);
        if (userId != null) {
            body.put("id_user", userId.toString());
        }
        body.put("revoke_previous", Boolean.toString(revokePrevious));
        return transport.call("POST", "/auth/renew", null, body, AccessToken.class);
    }

    /** Revokes the token the client acts with. */
    public void revoke() {
        transport.call("DELETE", "/auth/token", null, null);
    }
}
