package dev.passerelle.server.auth;

import java.time.Duration;

/** The kinds of user token the database holds (PROTOCOL-NOTES §1.2). */
public enum TokenKind {
    /** From {@code POST /auth/init} without client credentials; 30 minutes. */
    TEMPORARY(Duration.ofMinutes(30)),
    /** From {@code /auth/init} with credentials, {@code /auth/token/access}, {@code /auth/renew}; no expiry. */
    PERMANENT(null),
    /** {@code GET /auth/token/code?type=requestAccess}: 30 minutes, reusable. */
    CODE(Duration.ofMinutes(30)),
    /** {@code GET /auth/token/code?type=singleAccess}: 30 minutes, usable once. */
    SINGLE_USE_CODE(Duration.ofMinutes(30));

    private final Duration lifetime;

    TokenKind(Duration lifetime) {
        this.lifetime = lifetime;
    }

    /** How long a token of this kind lives, or null for no expiry. */
    public Duration lifetime() {
        return lifetime;
    }

    /** Temporary kinds: the ones {@code /auth/token/access} may exchange for a permanent token. */
    public boolean isTemporary() {
        return this != PERMANENT;
    }
}
