package dev.passerelle.server.connections;

import dev.passerelle.server.users.UserDeleting;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Withdraws a connection's consents at their institutions before the connection, or its user, is
 * deleted ({@code ConsentCapability.revoke}): a PSD2 bank keeps a consent until it ends or the TPP
 * deletes it, and a user who leaves expects the access to stop. Best effort: each source is asked
 * once, under the connection's lease (a step running is waited for, as by an activation), and the
 * deletion goes on whatever the institution answers.
 */
@Component
class ConsentRevocations {

    private static final Logger log = LoggerFactory.getLogger(ConsentRevocations.class);

    private final ConnectionRecords records;
    private final SourceSessions sessions;

    ConsentRevocations(ConnectionRecords records, SourceSessions sessions) {
        this.records = records;
        this.sessions = sessions;
    }

    /** Every source of the connection whose connector keeps a consent withdraws it. */
    void revoke(long connectionId) {
        for (SourceRow source : records.sources(connectionId)) {
            try {
                sessions.withLease(source.id(), open -> {
                    if (open.keepsItsOwnConsent()) {
                        open.revoke();
                    }
                });
            } catch (RuntimeException e) {
                log.warn("The consent of connection {} source {} could not be withdrawn: {}", connectionId,
                        source.id(), e.toString());
            }
        }
    }

    @EventListener
    void on(UserDeleting deleting) {
        records.connections(deleting.userId()).forEach(connection -> revoke(connection.id()));
    }
}
