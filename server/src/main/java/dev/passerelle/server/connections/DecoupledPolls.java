package dev.passerelle.server.connections;

import dev.passerelle.connector.Resume;
import dev.passerelle.connector.StepResult;
import dev.passerelle.runtime.Presence;
import dev.passerelle.runtime.RunningConnector;
import dev.passerelle.runtime.state.ConnectionState;
import dev.passerelle.runtime.state.Transitions.Call;
import dev.passerelle.server.api.ApiError;
import dev.passerelle.server.api.ApiException;
import dev.passerelle.server.connections.ConnectionSteps.Ran;
import dev.passerelle.server.connections.ConnectionSteps.Step;
import dev.passerelle.server.connections.ConnectionTimeline.Actor;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * The server polls a decoupled validation in the background (docs/protocol.md §4 {@code decoupled}),
 * so that it completes without the client's {@code resume=true}: one poll is one connector call
 * under the connection's lease, recorded as any step ({@link ConnectionSteps}: the same state,
 * timeline, data pull and {@code CONNECTION_SYNCED} as a {@code resume=true} that completes). Between
 * polls nothing is held, neither the lease nor a connector slot. A validation not given within
 * {@code passerelle.connections.decoupled-expiry} (or the institution's own expiry, when earlier)
 * lapses: the source goes to {@code SCARequired}.
 */
@Service
public class DecoupledPolls {

    /** Another step holds the connection, or the connector is busy: poll again a little later. */
    private static final Set<ApiError> TRY_LATER = Set.of(ApiError.CONNECTION_LOCKED, ApiError.TOO_MANY_REQUESTS);

    private final ConnectionRecords records;
    private final ConnectionSteps steps;
    private final ConnectionWork work;
    private final ConnectorChoice connectors;
    private final ConnectionsProperties properties;
    private final Clock clock;

    DecoupledPolls(ConnectionRecords records, ConnectionSteps steps, ConnectionWork work, ConnectorChoice connectors,
                   ConnectionsProperties properties, Clock clock) {
        this.records = records;
        this.steps = steps;
        this.work = work;
        this.connectors = connectors;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Polls the validation the source waits on, once.
     *
     * @param asked when the validation was asked of the user ({@link DecoupledPending#asked()})
     * @return when to poll again; empty when the source no longer waits on a validation (given,
     *         refused, lapsed, completed by the client's {@code resume=true}, or the connection gone)
     */
    public Optional<Instant> poll(long userId, long connectionId, String source, Instant asked) {
        try {
            return work.leased(connectionId, () -> pollHolding(userId, connectionId, source, asked));
        } catch (ApiException e) {
            if (TRY_LATER.contains(e.error())) {
                return Optional.of(clock.instant().plus(properties.decoupledPollInterval()));
            }
            throw e;
        }
    }

    private Optional<Instant> pollHolding(long userId, long connectionId, String name, Instant asked) {
        Optional<ConnectionRow> connection = records.connection(userId, connectionId).filter(ConnectionRow::active);
        Optional<RunningConnector> connector = connection.flatMap(connectors::running);
        Optional<SourceRow> source = connector.flatMap(c -> connectors.sourceNamed(connectionId, name))
                .filter(s -> s.state() == ConnectionState.DECOUPLED && s.disabled() == null);
        if (source.isEmpty()) {
            return Optional.empty();
        }
        Step step = new Step(connection.get(), source.get(), connector.get(), Call.RESUME, Map.of(), new Resume.Poll(),
                Presence.absent(), Actor.SCHEDULER);
        if (!clock.instant().isBefore(deadline(source.get(), asked))) {
            steps.decoupledExpired(step, asked);
            return Optional.empty();
        }
        Ran ran = steps.ran(step);
        return ran.result() instanceof StepResult.Decoupled decoupled
                ? Optional.of(steps.nextPoll(decoupled, clock.instant()))
                : Optional.empty();
    }

    /** The end of the wait: the server's expiry, or the institution's ({@code expiresAt}) when earlier. */
    private Instant deadline(SourceRow source, Instant asked) {
        Instant ours = asked.plus(properties.decoupledExpiry());
        return source.pendingUntil() != null && source.pendingUntil().isBefore(ours) ? source.pendingUntil() : ours;
    }
}
