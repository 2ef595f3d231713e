package dev.passerelle.server.users;

import java.util.Optional;

/**
 * Who owns a connection, for a user search by connection id. The connections feature provides it:
 * users sit below their connections, so they name only what they ask of them.
 */
public interface ConnectionOwners {

    /** The user connection {@code connectionId} belongs to, if it exists. */
    Optional<Long> owner(long connectionId);
}
