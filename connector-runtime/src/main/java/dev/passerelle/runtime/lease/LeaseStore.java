package dev.passerelle.runtime.lease;

import java.time.Instant;

/** Where the leases of connections live: the server keeps them in its database, so that they hold across instances. */
public interface LeaseStore {

    /**
     * Takes the lease of {@code connectionId} until {@code until}: true when no one holds it, or its
     * holder outlived its lease (a killed instance).
     */
    boolean take(long connectionId, Instant now, Instant until);

    void release(long connectionId);
}
