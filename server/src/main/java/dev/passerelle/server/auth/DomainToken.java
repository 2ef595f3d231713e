package dev.passerelle.server.auth;

import dev.passerelle.server.config.DataDirectory;
import dev.passerelle.server.crypto.Secrets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A token of the domain rather than of a user (docs/protocol.md §1.2): configured, or generated once
 * into an owner-only file of the data directory when not. Only its hash stays in memory.
 */
abstract class DomainToken {

    private final String hash;
    private final Optional<Path> file;

    DomainToken(String configured, DataDirectory dataDirectory, String file) {
        String token = configured.isBlank() ? dataDirectory.secret(file, () -> Secrets.random(32)) : configured;
        this.hash = Secrets.sha256(token);
        this.file = configured.isBlank() ? Optional.of(dataDirectory.secretPath(file)) : Optional.empty();
    }

    /** The owner-only file holding the generated token, to name in the start-up log; empty when it is configured. */
    public Optional<Path> file() {
        return file;
    }

    public boolean matches(String presented) {
        return Secrets.matches(presented, hash);
    }
}
