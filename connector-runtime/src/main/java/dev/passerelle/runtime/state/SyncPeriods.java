package dev.passerelle.runtime.state;

import dev.passerelle.connector.ConnectorDescriptor;
import java.time.Duration;

/** How long after a successful sync a connection is synced again in the background (docs/protocol.md §12). */
@FunctionalInterface
public interface SyncPeriods {

    Duration of(ConnectorDescriptor connector);

    /** The connector's own period, {@link ConnectorDescriptor#syncPeriodDays}, to the minute. */
    static Duration own(ConnectorDescriptor connector) {
        return Duration.ofMinutes(Math.round(connector.syncPeriodDays() * 24 * 60));
    }
}
