package dev.passerelle.server.sync;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import dev.passerelle.server.api.ApiError;
import dev.passerelle.server.api.ApiException;
import dev.passerelle.server.config.UserTime;
import dev.passerelle.server.connections.ConnectionSyncs;
import dev.passerelle.server.connections.ConnectionTimeline.Actor;
import dev.passerelle.server.sync.DueConnections.Due;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The background sync without the user (docs/protocol.md §3.5 {@code psu_requested=false}, §8.4
 * "background syncs every 24 h"): queues one {@code sync-connection} task per due connection, and
 * runs one such task. The task's instance id is the connection id, so a connection is never queued
 * twice; with several server instances db-scheduler hands each task to one of them, and the
 * connection's step lease keeps a user's own request and the background sync apart.
 */
@Component
class BackgroundSync {

    /** The one-time task that syncs one connection; its instance id is the connection id. */
    static final TaskDescriptor<Void> SYNC_CONNECTION = TaskDescriptor.of("sync-connection");

    private static final Logger log = LoggerFactory.getLogger(BackgroundSync.class);

    /** The user or another step got there first, or the connection is gone: nothing left to do. */
    private static final Set<ApiError> ALREADY_HANDLED = Set.of(ApiError.CONNECTION_LOCKED, ApiError.NOT_FOUND);

    private final DueConnections due;
    private final ConnectionSyncs connections;
    private final SyncProperties properties;
    private final Clock clock;

    BackgroundSync(DueConnections due, ConnectionSyncs connections, SyncProperties properties, Clock clock) {
        this.due = due;
        this.connections = connections;
        this.properties = properties;
        this.clock = clock;
    }

    /** Queues a sync of each due connection not queued yet; returns how many were newly queued. */
    int queueDue(SchedulerClient scheduler) {
        Instant now = clock.instant();
        int queued = 0;
        for (Due connection : due.oldestFirst(properties.batchSize())) {
            if (scheduler.scheduleIfNotExists(SYNC_CONNECTION.instance(String.valueOf(connection.connectionId())).build(), now)) {
                queued++;
            }
        }
        return queued;
    }

    /** Syncs one connection without its user, as the scheduler, in the user's time (sandbox test clock). */
    void sync(long connectionId) {
        due.owner(connectionId).ifPresentOrElse(userId -> {
            try {
                UserTime.run(userId, () -> connections.sync(userId, connectionId, false, false, Actor.SCHEDULER, null));
            } catch (ApiException e) {
                if (!ALREADY_HANDLED.contains(e.error())) {
                    throw e;
                }
                log.info("Background sync of connection {} skipped: {}", connectionId, e.error().code());
            }
        }, () -> log.info("Background sync of connection {} skipped: it was deleted", connectionId));
    }
}
