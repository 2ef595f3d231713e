package dev.passerelle.berlingroup.oauth;

/**
 * The authorization request of the OAuth SCA approach, kept until the user comes back.
 *
 * @param codeVerifier  PKCE's verifier (RFC 7636): proof that the code returns to whoever asked for it
 * @param redirectUri   the {@code redirect_uri} sent, to send again with the code (RFC 6749 §4.1.3)
 * @param tokenEndpoint where to exchange the code
 */
public record AuthorizationRequest(String codeVerifier, String redirectUri, String tokenEndpoint) {

    @Override
    public String toString() {
        return "AuthorizationRequest[" + tokenEndpoint + "]"; // never the verifier
    }
}
