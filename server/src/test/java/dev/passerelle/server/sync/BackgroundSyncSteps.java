package dev.passerelle.server.sync;

import dev.passerelle.server.sync.DueConnections.Due;
import org.springframework.boot.test.context.TestComponent;

/**
 * The background sync for tests outside this package (import it): runs a connection's sync as
 * the scheduler would, and tells whether a connection is due, without the recurring poll.
 */
@TestComponent
public class BackgroundSyncSteps {

    private final BackgroundSync sync;
    private final DueConnections due;

    BackgroundSyncSteps(BackgroundSync sync, DueConnections due) {
        this.sync = sync;
        this.due = due;
    }

    /** Syncs the connection without its user, as the {@code sync-connection} task does. */
    public void sync(long connectionId) {
        sync.sync(connectionId);
    }

    /** Other tests' connections may be due too, so look through all of them. */
    public boolean isDue(long connectionId) {
        return due.oldestFirst(Integer.MAX_VALUE).stream().map(Due::connectionId).anyMatch(c -> c == connectionId);
    }
}
