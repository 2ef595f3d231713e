package dev.passerelle.berlingroup.oauth;

import java.time.Instant;

/**
 * The tokens the bank's OAuth2 server issued for a consent (OAuth SCA approach): data calls carry the
 * access token; the refresh token renews it.
 *
 * @param expiresAt     when the access token expires, or {@code null} when the bank did not say
 * @param tokenEndpoint where to refresh it
 */
public record OAuthTokens(String accessToken, String refreshToken, Instant expiresAt, String tokenEndpoint) {

    @Override
    public String toString() {
        return "OAuthTokens[expires " + expiresAt + "]"; // never the tokens
    }
}
