package dev.passerelle.server.sandboxbank;

import dev.passerelle.server.config.ConditionalOnSandboxMode;
import dev.passerelle.server.config.PublicUrl;
import dev.passerelle.server.crypto.Secrets;
import dev.passerelle.server.webauth.WebauthCallback;
import org.springframework.stereotype.Component;

/**
 * The client registered at the sandbox bank, as a PSD2 bank registers each third-party provider:
 * its id, its secret and the exact redirect URIs the bank may send codes to (RFC 6749 §3.1.2), so
 * that the bank never redirects a customer to a URI an attacker chose.
 */
@Component
@ConditionalOnSandboxMode
class RegisteredClient {

    private final SandboxBankProperties properties;
    private final PublicUrl publicUrl;

    RegisteredClient(SandboxBankProperties properties, PublicUrl publicUrl) {
        this.properties = properties;
        this.publicUrl = publicUrl;
    }

    boolean is(String clientId) {
        return properties.clientId().equals(clientId);
    }

    /** Whether {@code redirectUri} is exactly one this client registered. */
    boolean allowsRedirectTo(String redirectUri) {
        return redirectUri != null && (properties.redirectUris().isEmpty()
                ? WebauthCallback.of(publicUrl).toString().equals(redirectUri)
                : properties.redirectUris().contains(redirectUri));
    }

    /** Whether these are the client's credentials; the secret is compared in constant time. */
    boolean authenticates(String clientId, String secret) {
        return is(clientId) & Secrets.matches(secret, Secrets.sha256(properties.clientSecret()));
    }
}
