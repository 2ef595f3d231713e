package dev.passerelle.server.clients;

import java.time.Instant;

/**
 * A client application of the domain (docs/protocol.md §1.3); its secret is not part of it, as only
 * a slow hash of it is stored.
 *
 * @param updated the last change through the API or the console; null while it is as configuration seeded it
 */
public record ClientApplication(long id, ClientSettings settings, Instant created, Instant updated) {

    public String name() {
        return settings.name();
    }
}
