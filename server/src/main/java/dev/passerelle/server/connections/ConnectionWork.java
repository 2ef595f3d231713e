package dev.passerelle.server.connections;

import dev.passerelle.connector.PsuContext;
import dev.passerelle.runtime.RunningConnector;
import dev.passerelle.runtime.lease.Leases;
import dev.passerelle.runtime.state.ConnectionState;
import dev.passerelle.runtime.state.StepOutcome;
import dev.passerelle.runtime.state.Transitions;
import dev.passerelle.runtime.state.Transitions.Call;
import dev.passerelle.runtime.state.Transitions.Trigger;
import dev.passerelle.server.api.ApiError;
import dev.passerelle.server.api.ApiException;
import dev.passerelle.server.connections.ConnectionSteps.Step;
import dev.passerelle.server.connections.ConnectionTimeline.Actor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The work a request asks of a connection, run one step at a time: now under the connection's
 * lease (409 {@code connectionLocked} when another step holds it, on any instance), or queued on
 * the {@link BackgroundQueue} ({@code background=true}) so that any instance runs it under the lease
 * the request took. A sync runs every enabled source in priority order, each as the transition
 * table says.
 */
@Component
public class ConnectionWork {

    private static final Logger log = LoggerFactory.getLogger(ConnectionWork.class);

    /** How often a request waiting for the connection's lease tries again. */
    private static final Duration LEASE_RETRY = Duration.ofMillis(100);

    private final ConnectionRecords records;
    private final ConnectionSteps steps;
    private final ConnectorChoice connectors;
    private final Leases leases;
    private final BackgroundQueue queue;
    private final CredentialVault vault;
    private final Connections connections;
    private final Clock clock;

    ConnectionWork(ConnectionRecords records, ConnectionSteps steps, ConnectorChoice connectors, Leases leases,
                   BackgroundQueue queue, CredentialVault vault, Connections connections, Clock clock) {
        this.records = records;
        this.steps = steps;
        this.connectors = connectors;
        this.leases = leases;
        this.queue = queue;
        this.vault = vault;
        this.connections = connections;
        this.clock = clock;
    }

    /**
     * One connector call on one source, or (no source) a sync of every enabled source.
     *
     * @param psu the user's request when they asked for the work, else null
     */
    record Work(String source, Call call, Map<String, String> input, boolean psuRequested, PsuContext psu, Actor actor) {

        static Work sync(boolean psuRequested, PsuContext psu, Actor actor) {
            return new Work(null, null, Map.of(), psuRequested, psuRequested ? psu : null, actor);
        }

        /** A {@code resume=true}: polls the decoupled validation its source waits on (docs/protocol.md §3.4). */
        boolean pollsDecoupled() {
            return call == Call.RESUME && input.equals(ConnectionSteps.RESUME);
        }

        @Override
        public String toString() {
            return "Work[" + (source == null ? "sync" : call + " on " + source) + ", posted " + input.keySet() + "]";
        }
    }

    /**
     * Runs the work now under the lease; the outcome of the last connector call, null if none ran.
     * {@code ownChanges} are the request's changes to the connection besides the work ({@code active},
     * a source to add), made once the lease is held: a 409 {@code connectionLocked} leaves the
     * connection as it was.
     */
    StepOutcome now(ConnectionRow connection, Work work, UnaryOperator<ConnectionRow> ownChanges) {
        return leased(connection.id(), () -> {
            ownChanges.apply(connection);
            return perform(connection.userId(), connection.id(), work);
        });
    }

    /**
     * As {@link #now}, but a lease held elsewhere is waited for until {@code until} on the injected
     * clock: a {@code resume=true} that meets the server's own poll of the validation (a short
     * connector call) waits for it, as it would wait for the validation itself, rather than failing.
     */
    StepOutcome nowOrUntil(ConnectionRow connection, Work work, Instant until, UnaryOperator<ConnectionRow> ownChanges) {
        return leasedUntil(connection.id(), until, () -> {
            ownChanges.apply(connection);
            return perform(connection.userId(), connection.id(), work);
        });
    }

    /**
     * Runs {@code work} holding the connection's lease, waiting for another holder until {@code until}. A
     * connection deleted meanwhile (its deletion held the lease) is 404 at once: its lease can no longer be
     * taken, and waiting out {@code until} for it would only delay the answer.
     */
    <T> T leasedUntil(long connectionId, Instant until, Supplier<T> work) {
        while (true) {
            try {
                return leased(connectionId, work);
            } catch (ApiException e) {
                if (e.error() != ApiError.CONNECTION_LOCKED || !clock.instant().isBefore(until)) {
                    throw e;
                }
                if (!records.exists(connectionId)) {
                    throw ApiError.NOT_FOUND.exception("No connection " + connectionId);
                }
            }
            pause();
        }
    }

    /** Runs {@code work} holding the connection's lease. */
    <T> T leased(long connectionId, Supplier<T> work) {
        return RuntimeRefusals.translated(() -> leases.holding(connectionId, work));
    }

    /**
     * Runs a new connection's first step under the lease {@link ConnectionOpening} took with it, and releases it.
     * A step that throws (a 429 of the connector's limits) deletes the connection: a failed creation keeps nothing
     * (docs/protocol.md §3.3).
     */
    <T> T first(ConnectionOpening.Opened opened, Supplier<T> work) {
        long connectionId = opened.connection().id();
        try {
            return RuntimeRefusals.translated(() -> leases.held(connectionId, work));
        } catch (RuntimeException refused) {
            records.delete(connectionId);
            throw refused;
        }
    }

    /**
     * Takes the lease and queues {@code work} on the {@link BackgroundQueue}, so that any instance
     * runs it; answers at once with the connection shown as {@code validating} (docs/protocol.md §4 transient state)
     * until the work ends. Posted field values travel sealed, as stored credentials are. {@code ownChanges}
     * as for {@link #now}, once the lease is taken.
     */
    ConnectionResult queued(ConnectionRow connection, Work work, UnaryOperator<ConnectionRow> ownChanges) {
        RuntimeRefusals.translated(() -> {
            leases.take(connection.id());
            return null;
        });
        ConnectionRow validating = ownChanges.apply(connection).withSummary(ConnectionState.VALIDATING, null, null,
                connection.lastUpdate(), connection.expire(), connection.nextTry());
        records.saveConnection(validating);
        PsuContext psu = work.psu();
        queue.enqueue(new BackgroundStep(connection.userId(), connection.id(), work.source(),
                work.call() == null ? null : work.call().name(),
                work.input().isEmpty() ? null : vault.sealCredentials(work.input()), work.psuRequested(), work.actor(),
                psu == null ? null : psu.ipAddress(), psu == null ? null : psu.userAgent(),
                psu == null ? null : psu.acceptLanguage()));
        return new ConnectionResult(validating, true);
    }

    /**
     * Runs a step taken from the {@link BackgroundQueue}, on whichever instance picked it, under the
     * lease the request that queued it took; the lease is released and the connection's summary
     * recomputed (it leaves {@code validating}) whatever happens.
     */
    public void runQueued(BackgroundStep queued) {
        Work work = new Work(queued.source(), queued.call() == null ? null : Call.valueOf(queued.call()),
                queued.sealedInput() == null ? Map.of() : vault.openCredentials(queued.sealedInput()),
                queued.psuRequested(), queued.psu(), queued.actor());
        try {
            perform(queued.userId(), queued.connectionId(), work);
        } catch (RuntimeException e) {
            log.warn("Background step on connection {} failed", queued.connectionId(), e);
        } finally {
            leases.release(queued.connectionId());
            records.connection(queued.userId(), queued.connectionId()).ifPresent(c -> connectors.running(c)
                    .ifPresent(connector -> steps.summarize(c, connector.descriptor())));
        }
    }

    /** Runs the work; the caller holds the lease. The outcome of the last connector call, null if none ran. */
    private StepOutcome perform(long userId, long connectionId, Work work) {
        ConnectionRow connection = connections.get(userId, connectionId);
        RunningConnector connector = connectors.of(connection);
        if (work.source() != null) {
            SourceRow source = connectors.source(connection, work.source());
            if (work.pollsDecoupled() && source.state() != ConnectionState.DECOUPLED) {
                return null; // completed meanwhile, by the server's background poll: nothing left to poll
            }
            return steps.run(new Step(connection, source, connector, work.call(), work.input(),
                    ConnectionSteps.presence(work.psuRequested(), work.psu()), work.actor()));
        }
        StepOutcome last = null;
        for (SourceRow listed : connectors.enabledSources(connection, connector.descriptor())) {
            ConnectionRow current = connections.get(userId, connectionId);
            SourceRow source = connectors.source(current, listed.name());
            Call call = Transitions.callFor(source.state(), syncTrigger(source, work.psuRequested()));
            Step step = new Step(current, source, connector, call, Map.of(),
                    ConnectionSteps.presence(work.psuRequested(), work.psu()), work.actor());
            last = switch (call) {
                case NONE -> last;
                case ASK_AUTHENTICATION -> steps.consentExpired(step);
                default -> steps.run(step);
            };
        }
        return last;
    }

    private static void pause() {
        try {
            Thread.sleep(LEASE_RETRY);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiError.CONNECTION_LOCKED.exception("Interrupted while waiting for the connection's current step");
        }
    }

    /**
     * What a sync asks of a source: with the user, or without; without the user once the consent
     * ended (docs/protocol.md §12), the source must wait for the user instead of reaching the institution.
     */
    private Trigger syncTrigger(SourceRow source, boolean psuRequested) {
        if (psuRequested) {
            return Trigger.SYNC_USER_PRESENT;
        }
        return source.consentExpired(clock.instant()) ? Trigger.SYNC_CONSENT_EXPIRED : Trigger.SYNC_USER_ABSENT;
    }
}
