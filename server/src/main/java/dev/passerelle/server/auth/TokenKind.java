package dev.passerelle.server.auth;

import java.time.Duration;

/**
 * The kinds of user token the database holds (docs/auth.md). Permanent and temporary
 * tokens are <em>origins</em>: they start a user's access. Codes and webview sessions are
 * <em>derived</em> from another token, never outlive it and die with it (docs/auth.md).
 */
public enum TokenKind {
    /** From {@code POST /auth/init} without client credentials; 30 minutes. */
    TEMPORARY(Duration.ofMinutes(30)),
    /** From {@code /auth/init} with credentials, {@code /auth/token/access}, {@code /auth/renew}; no expiry. */
    PERMANENT(null),
    /** {@code GET /auth/token/code?type=requestAccess}: 30 minutes, reusable. */
    CODE(Duration.ofMinutes(30)),
    /** {@code GET /auth/token/code?type=singleAccess}: 30 minutes, usable once. */
    SINGLE_USE_CODE(Duration.ofMinutes(30)),
    /** What the Connect webview works with once it has spent its launch code ({@code POST /webview/session}). */
    WEBVIEW_SESSION(Duration.ofMinutes(30));

    private final Duration lifetime;

    TokenKind(Duration lifetime) {
        this.lifetime = lifetime;
    }

    /** How long a token of this kind lives at most, or null for no expiry. */
    public Duration lifetime() {
        return lifetime;
    }

    /**
     * Whether a bearer of this kind may mint codes at {@code /auth/token/code}: only the tokens that
     * start an access. A code minting codes would renew itself for ever.
     */
    public boolean mintsCodes() {
        return this == PERMANENT || this == TEMPORARY;
    }

    /** Every kind but the permanent token: those that may appear in a URL ({@code code}, {@code token}). */
    public boolean isTemporary() {
        return this != PERMANENT;
    }

    /** The kinds {@code /auth/token/access} exchanges for a permanent token: a temporary token and codes. */
    public boolean isExchangeable() {
        return this == TEMPORARY || this == CODE || this == SINGLE_USE_CODE;
    }
}
