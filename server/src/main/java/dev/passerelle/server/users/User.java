package dev.passerelle.server.users;

import java.time.Instant;

/**
 * A user of the domain (docs/protocol.md §1.3).
 *
 * @param clientId       the client application it belongs to, once one authenticated for it
 * @param temporaryUntil when a temporary user is purged; null for a permanent user
 */
public record User(long id, Instant signin, Long clientId, Instant temporaryUntil) {

    public boolean isPermanent() {
        return temporaryUntil == null;
    }
}
