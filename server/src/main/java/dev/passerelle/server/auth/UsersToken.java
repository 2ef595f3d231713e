package dev.passerelle.server.auth;

import dev.passerelle.server.config.DataDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The domain's users token (docs/protocol.md §1.2 "users token"): it lists the domain's users
 * ({@code GET /users}) and does nothing else. From {@code passerelle.users-token}
 * ({@code PASSERELLE_USERS_TOKEN}) or, when unset, generated once into {@code <data-dir>/users-token}
 * (owner-only).
 */
@Component
public class UsersToken extends DomainToken {

    static final String FILE = "users-token";

    public UsersToken(@Value("${passerelle.users-token:}") String configured, DataDirectory dataDirectory) {
        super(configured, dataDirectory, FILE);
    }
}
