package dev.passerelle.server.connections;

import dev.passerelle.server.api.ApiError;
import dev.passerelle.server.api.ApiException;
import dev.passerelle.server.users.UserDeleting;
import java.time.Clock;
import java.util.function.Supplier;
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
    private final ConnectionWork work;
    private final ConnectionsProperties properties;
    private final Clock clock;

    ConsentRevocations(ConnectionRecords records, SourceSessions sessions, ConnectionWork work,
                       ConnectionsProperties properties, Clock clock) {
        this.records = records;
        this.sessions = sessions;
        this.work = work;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Withdraws every consent of the connection, then runs {@code then} before the lease is let go: a
     * deletion deletes there, so that no step comes between the withdrawals and the deletion, and a
     * second deletion waiting for the lease finds the connection gone (404) instead of asking the
     * institution again. A lease held by a step beyond {@code passerelle.connections.resume-wait} leaves
     * the consents (logged), and {@code then} runs all the same: the deletion goes on.
     */
    <T> T revokedThen(long connectionId, Supplier<T> then) {
        try {
            return work.leasedUntil(connectionId, clock.instant().plus(properties.resumeWait()), () -> {
                revoke(connectionId);
                return then.get();
            });
        } catch (ApiException e) {
            if (e.error() != ApiError.CONNECTION_LOCKED) {
                throw e;
            }
            log.warn("The consents of connection {} could not be withdrawn: {}", connectionId, e.description());
            return then.get();
        }
    }

    /** Every source whose connector keeps a consent withdraws it; the caller holds the lease. */
    private void revoke(long connectionId) {
        for (SourceRow source : records.sources(connectionId)) {
            try {
                OpenSource open = sessions.open(source.id());
                if (open.keepsItsOwnConsent()) {
                    open.revoke();
                }
            } catch (RuntimeException e) {
                log.warn("The consent of connection {} source {} could not be withdrawn: {}", connectionId,
                        source.id(), e.toString());
            }
        }
    }

    /**
     * Each connection of a user being deleted is deleted with its consents, under its lease, as one
     * {@code DELETE} of it would be: a second deletion of the user at once, waiting for that lease, finds
     * the connection gone instead of asking the institution again while the first still works through
     * the user's other connections. What is left goes with the user's row.
     */
    @EventListener
    void on(UserDeleting deleting) {
        for (ConnectionRow connection : records.connections(deleting.userId())) {
            try {
                revokedThen(connection.id(), () -> records.delete(connection.id()));
            } catch (ApiException deletedMeanwhile) {
                // by another deletion, which withdrew its consents: nothing is left to ask the institution
            }
        }
    }
}
