package dev.passerelle.server.connections;

import dev.passerelle.server.api.ApiError;
import dev.passerelle.server.connections.ConnectionTimeline.Actor;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * A user's connections and their sources as they stand (docs/protocol.md §3.1, §3.2), each read scoped to its user:
 * someone else's connection is 404, as an unknown one.
 */
@Service
public class Connections {

    private final ConnectionRecords records;
    private final ConnectionSteps steps;
    private final ConnectorChoice connectors;
    private final ConnectionTimeline timeline;
    private final Clock clock;

    Connections(ConnectionRecords records, ConnectionSteps steps, ConnectorChoice connectors, ConnectionTimeline timeline,
                Clock clock) {
        this.records = records;
        this.steps = steps;
        this.connectors = connectors;
        this.timeline = timeline;
        this.clock = clock;
    }

    public ConnectionRow get(long userId, long connectionId) {
        return records.connection(userId, connectionId)
                .orElseThrow(() -> ApiError.NOT_FOUND.exception("No connection " + connectionId));
    }

    public List<ConnectionRow> list(long userId) {
        return records.connections(userId);
    }

    public List<SourceRow> sources(long userId, long connectionId) {
        return records.sources(get(userId, connectionId).id());
    }

    /**
     * Checks that a {@code /connections/{id}/...} path segment names one of the user's connections, so
     * that the data routes nested under a connection answer 404 for anyone else's (docs/protocol.md §0). Passes
     * through null (no connection in the path).
     */
    public Long requireOwned(long userId, Long connectionId) {
        if (connectionId != null) {
            get(userId, connectionId);
        }
        return connectionId;
    }

    /** One source of a connection already found as the user's ({@link #get}), else {@link ApiError#NOT_FOUND}. */
    SourceRow source(ConnectionRow connection, long sourceId) {
        return records.sources(connection.id()).stream().filter(s -> s.id() == sourceId).findFirst()
                .orElseThrow(() -> ApiError.NOT_FOUND.exception("No source " + sourceId + " on connection " + connection.id()));
    }

    /** {@code POST …/sources/{s}} {@code {disabled}}: a disabled source is skipped by syncs (docs/protocol.md §3.2). */
    public SourceRow setSourceDisabled(long userId, long connectionId, long sourceId, boolean disabled) {
        ConnectionRow connection = get(userId, connectionId);
        SourceRow source = source(connection, sourceId);
        Instant now = clock.instant();
        SourceRow changed = source.disabledAt(disabled ? now : null);
        records.saveSource(changed);
        steps.summarize(connection, connectors.of(connection).descriptor());
        timeline.record(connectionId, source.name(), Actor.USER, source.state(), source.state(),
                disabled ? "source disabled" : "source enabled", now);
        return changed;
    }
}
