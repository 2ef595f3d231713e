package dev.passerelle.server.auth;

import java.util.Optional;

/**
 * The users that {@link TokenGrants} grants tokens to, as far as a grant needs them. The users
 * feature provides it: authentication sits below the users it authenticates, so it names only what
 * it asks of them.
 */
public interface TokenHolders {

    /** A new permanent user, bound to {@code clientId} when a client authenticated the call; its id. */
    long createPermanent(Long clientId);

    /** A new temporary user, purged unless made permanent in time; its id. */
    long createTemporary();

    /** User {@code userId}, when it exists. */
    Optional<Holder> find(long userId);

    /** Makes user {@code userId} permanent and hands it to {@code clientId}. */
    void makePermanent(long userId, long clientId);

    /** @param clientId the client application the user belongs to; null while none does */
    record Holder(long id, Long clientId) {
    }
}
