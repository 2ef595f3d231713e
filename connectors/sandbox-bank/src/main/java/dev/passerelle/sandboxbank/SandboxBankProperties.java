package dev.passerelle.sandboxbank;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code passerelle.sandbox-bank.*}: the one client the sandbox bank knows (the test connector, which
 * uses the same defaults) and its lifetimes, measured on the injected {@code Clock}.
 *
 * @param clientId        the connector's client id at the bank
 * @param clientSecret    its secret; a simulation's, published in the docs, guarding nothing real
 * @param redirectUris    where the bank may send the user back; empty: the server's webauth callback
 * @param consentLifetime how long the consent screen may be answered after the login
 * @param codeLifetime    how long an authorization code may be exchanged (RFC 6749 §4.1.2: short)
 * @param tokenLifetime   the {@code expires_in} of the access tokens
 */
@ConfigurationProperties("passerelle.sandbox-bank")
public record SandboxBankProperties(String clientId, String clientSecret, List<String> redirectUris,
                                    Duration consentLifetime, Duration codeLifetime, Duration tokenLifetime) {

    public SandboxBankProperties {
        clientId = clientId == null ? "passerelle-testbank" : clientId;
        clientSecret = clientSecret == null ? "sandbox-secret" : clientSecret;
        redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris);
        consentLifetime = consentLifetime == null ? Duration.ofMinutes(10) : consentLifetime;
        codeLifetime = codeLifetime == null ? Duration.ofMinutes(2) : codeLifetime;
        tokenLifetime = tokenLifetime == null ? Duration.ofHours(1) : tokenLifetime;
    }

    @Override
    public String toString() {
        return "SandboxBankProperties[clientId=" + clientId + ", redirectUris=" + redirectUris + "]";
    }
}
