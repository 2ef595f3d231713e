package dev.passerelle.server.auth;

/**
 * Who sent the request, as proven by its bearer token. Declare a controller parameter of this
 * type to require authentication (401 otherwise), or of type {@link Admin} to require the config
 * token (401 without a valid token, 403 with another one).
 */
public sealed interface Caller {

    /** A token bound to one user. */
    record User(long userId, TokenKind kind, long tokenId, Long clientId) implements Caller {
    }

    /** The domain's config (administrator) token: domain-level calls, any user by numeric id. */
    record Admin() implements Caller {
    }

    /** The domain's users token ({@link UsersToken}): lists the users, nothing else. */
    record UsersReader() implements Caller {
    }
}
