package dev.passerelle.sandboxbank;

import dev.passerelle.runtime.Interactions;
import dev.passerelle.runtime.host.PublicBaseUrl;
import org.springframework.stereotype.Component;

/**
 * The client registered at the sandbox bank, as a PSD2 bank registers each third-party provider:
 * its id, its secret and the exact redirect URIs the bank may send codes to (RFC 6749 §3.1.2), so
 * that the bank never redirects a customer to a URI an attacker chose.
 */
@Component
class RegisteredClient {

    private final SandboxBankProperties properties;
    private final PublicBaseUrl publicUrl;

    RegisteredClient(SandboxBankProperties properties, PublicBaseUrl publicUrl) {
        this.properties = properties;
        this.publicUrl = publicUrl;
    }

    boolean is(String clientId) {
        return properties.clientId().equals(clientId);
    }

    /** Whether {@code redirectUri} is exactly one this client registered. */
    boolean allowsRedirectTo(String redirectUri) {
        return redirectUri != null && (properties.redirectUris().isEmpty()
                ? (publicUrl.base() + Interactions.CALLBACK_PATH).equals(redirectUri)
                : properties.redirectUris().contains(redirectUri));
    }

    /** Whether these are the client's credentials; the secret is compared in constant time. */
    boolean authenticates(String clientId, String secret) {
        return is(clientId) & BankSecrets.same(secret, properties.clientSecret());
    }
}
