package dev.passerelle.server.connections;

import dev.passerelle.connector.PsuContext;
import dev.passerelle.runtime.RunningConnector;
import dev.passerelle.runtime.state.Transitions;
import dev.passerelle.runtime.state.Transitions.Call;
import dev.passerelle.runtime.state.Transitions.Trigger;
import dev.passerelle.server.api.ApiError;
import dev.passerelle.server.connections.ConnectionTimeline.Actor;
import dev.passerelle.server.connections.ConnectionWork.Work;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Service;

/**
 * {@code PUT /users/{u}/connections/{c}} (docs/protocol.md §3.5) and the background sync: syncs every enabled source
 * in priority order. {@code psu_requested=false} means the user is absent: no strong authentication
 * may start. Failures stay on the connection as its state; the answer is the connection, not an error.
 */
@Service
public class ConnectionSyncs {

    private final ConnectionWork work;
    private final ConnectorChoice connectors;
    private final Connections connections;

    ConnectionSyncs(ConnectionWork work, ConnectorChoice connectors, Connections connections) {
        this.work = work;
        this.connectors = connectors;
        this.connections = connections;
    }

    /**
     * @param psu the user's request when they asked for the sync; null otherwise
     */
    public ConnectionResult sync(long userId, long connectionId, boolean psuRequested, boolean inBackground, Actor actor,
                                 PsuContext psu) {
        ConnectionRow connection = connections.get(userId, connectionId);
        RunningConnector connector = connectors.of(connection);
        Trigger trigger = psuRequested ? Trigger.SYNC_USER_PRESENT : Trigger.SYNC_USER_ABSENT;
        for (SourceRow source : connectors.enabledSources(connection, connector.descriptor())) {
            if (Transitions.callFor(source.state(), trigger) == Call.LOCKED) {
                throw ApiError.CONNECTION_LOCKED.exception("A step is already running on connection " + connectionId);
            }
        }
        Work sync = Work.sync(psuRequested, psu, actor);
        if (inBackground) {
            return work.queued(connection, sync, UnaryOperator.identity());
        }
        work.now(connection, sync, UnaryOperator.identity());
        return ConnectionResult.of(connections.get(userId, connectionId));
    }
}
