package dev.passerelle.server.auth;

import dev.passerelle.server.config.DataDirectory;
import dev.passerelle.server.crypto.Secrets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The domain's config (administrator) token (PROTOCOL-NOTES §1.2). From
 * {@code passerelle.config-token} ({@code PASSERELLE_CONFIG_TOKEN}) or, when unset, generated once
 * into {@code <data-dir>/config-token} (owner-only). Only its hash stays in memory.
 */
@Component
public class ConfigToken {

    static final String FILE = "config-token";

    private final String hash;

    public ConfigToken(@Value("${passerelle.config-token:}") String configured, DataDirectory dataDirectory) {
        String token = configured.isBlank() ? dataDirectory.secret(FILE, () -> Secrets.random(32)) : configured;
        this.hash = Secrets.sha256(token);
    }

    public boolean matches(String presented) {
        return Secrets.matches(presented, hash);
    }
}
