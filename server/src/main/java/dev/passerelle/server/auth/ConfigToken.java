package dev.passerelle.server.auth;

import dev.passerelle.server.config.DataDirectory;
import dev.passerelle.server.crypto.Secrets;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The domain's config (administrator) token (docs/protocol.md §1.2). From
 * {@code passerelle.config-token} ({@code PASSERELLE_CONFIG_TOKEN}) or, when unset, generated once
 * into {@code <data-dir>/config-token} (owner-only). Only its hash stays in memory.
 */
@Component
public class ConfigToken {

    static final String FILE = "config-token";

    private final String hash;
    private final Optional<Path> file;

    public ConfigToken(@Value("${passerelle.config-token:}") String configured, DataDirectory dataDirectory) {
        String token = configured.isBlank() ? dataDirectory.secret(FILE, () -> Secrets.random(32)) : configured;
        this.hash = Secrets.sha256(token);
        this.file = configured.isBlank() ? Optional.of(dataDirectory.secretPath(FILE)) : Optional.empty();
    }

    /** The owner-only file holding the generated token, to name in the start-up log; empty when it is configured. */
    public Optional<Path> file() {
        return file;
    }

    public boolean matches(String presented) {
        return Secrets.matches(presented, hash);
    }
}
