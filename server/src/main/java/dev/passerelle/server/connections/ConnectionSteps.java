package dev.passerelle.server.connections;

import dev.passerelle.connector.AuthMechanism;
import dev.passerelle.connector.ConnectorDescriptor;
import dev.passerelle.connector.FailureReason;
import dev.passerelle.connector.FieldSpec;
import dev.passerelle.connector.PsuContext;
import dev.passerelle.connector.Resume;
import dev.passerelle.connector.StepResult;
import dev.passerelle.runtime.Called;
import dev.passerelle.runtime.ConnectorRuntime;
import dev.passerelle.runtime.Presence;
import dev.passerelle.runtime.RunningConnector;
import dev.passerelle.runtime.SourceCall;
import dev.passerelle.runtime.state.ConnectionState;
import dev.passerelle.runtime.state.StepOutcome;
import dev.passerelle.runtime.state.StepOutcomes;
import dev.passerelle.runtime.state.Transitions.Call;
import dev.passerelle.server.connections.ConnectionTimeline.Actor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * Runs one connector call on one connection source through the {@link ConnectorRuntime} and records
 * what it means: the source's new state (as the runtime's {@link StepOutcomes} maps it), the session
 * the connector left (whatever it answered or threw), retry time and transient-failure count, the
 * consent a strong authentication renews or the institution ends (docs/protocol.md §12), the connection's summary
 * state (docs/protocol.md §4: the error of any source is the connection's), the stored credentials, the timeline (the
 * connector's own lines included), and {@link SourceReady} on success so the data feature pulls
 * accounts, then {@link ConnectionSynced} once the step ended in a resting state. Callers hold the
 * connection's step lease.
 */
@Component
class ConnectionSteps {

    /** The meta value a decoupled validation is polled with ({@code resume=true}, docs/protocol.md §3.4). */
    static final Map<String, String> RESUME = Map.of("resume", "true");

    /** The words of a decoupled validation that lapsed while the server polled it. */
    static final String DECOUPLED_EXPIRED = "The validation in your bank app was not given in time: please authenticate again";

    /** States in which a source waits for the user to authenticate (docs/protocol.md §4); a user-present sync is that authentication. */
    private static final Set<ConnectionState> AWAITING_AUTHENTICATION = EnumSet.of(ConnectionState.SCA_REQUIRED,
            ConnectionState.WEBAUTH_REQUIRED);

    private final ConnectionRecords records;
    private final CredentialVault vault;
    private final ConnectorRuntime runtime;
    private final StepOutcomes outcomes;
    private final ConsentValidity consent;
    private final ConnectionTimeline timeline;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;
    private final ConnectionsProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;

    ConnectionSteps(ConnectionRecords records, CredentialVault vault, ConnectorRuntime runtime, StepOutcomes outcomes,
                    ConsentValidity consent, ConnectionTimeline timeline, ApplicationEventPublisher events,
                    ObjectMapper json, ConnectionsProperties properties, TransactionTemplate tx, Clock clock) {
        this.records = records;
        this.vault = vault;
        this.runtime = runtime;
        this.outcomes = outcomes;
        this.consent = consent;
        this.timeline = timeline;
        this.events = events;
        this.json = json;
        this.properties = properties;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * What to run.
     *
     * @param input    field values posted with the call (credentials for START, answers for RESUME)
     * @param resume   what continues a RESUME when it is not the posted answers (the institution's
     *                 return from a redirect); null otherwise
     * @param presence whether the end user asked for the call ({@code psu_requested}), with their request
     */
    record Step(ConnectionRow connection, SourceRow source, RunningConnector connector, Call call,
                Map<String, String> input, Resume resume, Presence presence, Actor actor) {

        Step(ConnectionRow connection, SourceRow source, RunningConnector connector, Call call, Map<String, String> input,
             Presence presence, Actor actor) {
            this(connection, source, connector, call, input, null, presence, actor);
        }

        boolean userPresent() {
            return presence.userPresent();
        }

        @Override
        public String toString() {
            return "Step[" + call + " on " + source + ", posted " + input.keySet() + "]"; // never the values
        }
    }

    /** How a user takes part in a step: their request, or nothing when they are absent. */
    static Presence presence(boolean userPresent, PsuContext psu) {
        return userPresent ? Presence.of(psu) : Presence.absent();
    }

    StepOutcome run(Step step) {
        return ran(step).outcome();
    }

    /** What a step did: the connector's own answer (a redirect's URL is only there) and what it means. */
    record Ran(StepResult result, StepOutcome outcome) {
    }

    /** As {@link #run(Step)}, with the connector's own answer. */
    Ran ran(Step step) {
        ConnectorDescriptor descriptor = step.connector().descriptor();
        Map<String, String> stored = vault.openCredentials(step.connection().sealedCredentials());
        Map<String, String> credentials = step.call() == Call.START ? merged(stored, step.input()) : stored;
        AuthMechanism mechanism = step.source().mechanism(descriptor, credentials);
        // A trip to the institution's pages sees only that source's own fields (docs/webauth.md).
        Map<String, String> given = step.presence().interaction() == null ? credentials
                : atInstitution(descriptor, step.source().name(), credentials);
        SourceCall source = new SourceCall(step.connection().userId(), step.connection().id(), step.source().name(),
                mechanism, given, vault.openSession(step.source().sealedSession()));
        Presence presence = step.userPresent() ? step.presence().posting(step.input().keySet()) : step.presence();

        Called<StepResult> called = RuntimeRefusals.translated(() -> call(step, source, presence));
        StepResult result = Called.outcomeOf(called);
        Instant now = clock.instant();
        // A step the user asked for starts the backoff afresh: they expect it to be tried again soon.
        int earlierFailures = step.actor() == Actor.USER ? 0 : step.source().transientFailures();
        StepOutcome outcome = outcomes.map(result, descriptor, step.source().name(), now, earlierFailures);
        Instant consentEnd = outcome.consentEnded() ? now
                : outcome.succeeded() && authenticated(step)
                        ? consent.endOf(descriptor, now, outcome.granted() == null ? null : outcome.granted().validUntil())
                        : null;

        String session = called.sessionWritten() ? vault.sealSession(called.session().orElse(null))
                : step.source().sealedSession();
        SourceRow after = step.source().after(outcome, fieldsJson(outcome), session, now, consentEnd);
        ConnectionRow connection = step.call() == Call.START
                ? step.connection().withCredentials(vault.sealCredentials(connectorFields(descriptor, credentials)))
                : step.connection();
        // What the step changed is stored in one transaction: one commit, one pooled connection.
        ConnectionRow summary = tx.execute(status -> {
            timeline.recordLines(connection.id(), after.name(), called.lines());
            if (outcome.granted() != null) {
                records.saveConsentScope(after.id(), outcome.granted());
            }
            return recorded(step, connection, after, outcome, cause(step, result), now);
        });
        if (outcome.succeeded()) {
            events.publishEvent(new SourceReady(connection.userId(), connection.id(), after.id()));
        }
        if (result instanceof StepResult.Decoupled decoupled) {
            events.publishEvent(new DecoupledPending(connection.userId(), connection.id(), after.name(), now,
                    nextPoll(decoupled, now), !polled(step)));
        }
        announce(summary, outcome, now);
        return new Ran(result, outcome);
    }

    /**
     * When the server polls a decoupled validation next: after the connector's {@code pollAfter}, and
     * never sooner than {@code passerelle.connections.decoupled-poll-interval}, which spares the
     * institution a connector that asks to be polled at once.
     */
    Instant nextPoll(StepResult.Decoupled decoupled, Instant now) {
        Duration floor = properties.decoupledPollInterval();
        return now.plus(decoupled.pollAfter().compareTo(floor) > 0 ? decoupled.pollAfter() : floor);
    }

    /** Whether the step polled a decoupled validation already asked ({@code resume=true}, or the background poll). */
    private static boolean polled(Step step) {
        return step.call() == Call.RESUME
                && (step.resume() instanceof Resume.Poll || step.resume() == null && step.input().equals(RESUME));
    }

    /**
     * A source whose consent ended (docs/protocol.md §12) is not synced: it now waits for the user to authenticate
     * again, and the institution is not contacted (its access is no longer consented to).
     */
    StepOutcome consentExpired(Step step) {
        return unasked(step, outcomes.consentExpired(step.connector().descriptor(), step.source().name()),
                "consentExpired: the consent given until " + step.source().accessExpire() + " ended");
    }

    /**
     * A decoupled validation the user did not give in time (docs/protocol.md §4 {@code decoupled}): the
     * source goes where a validation the institution reports expired goes ({@code SCARequired}, with
     * the same words), without asking the institution again.
     */
    StepOutcome decoupledExpired(Step step, Instant asked) {
        StepResult expired = StepResult.Failure.of(FailureReason.DECOUPLED_EXPIRED, DECOUPLED_EXPIRED);
        return unasked(step, outcomes.map(expired, step.connector().descriptor(), step.source().name(), clock.instant(),
                step.source().transientFailures()), "decoupled validation asked at " + asked + " not given in time -> "
                + describe(expired));
    }

    /** Records {@code outcome} on the step's source without calling the connector. */
    private StepOutcome unasked(Step step, StepOutcome outcome, String cause) {
        Instant now = clock.instant();
        announce(tx.execute(status -> recorded(step, step.connection(), step.source().after(outcome, null,
                step.source().sealedSession(), now, null), outcome, cause, now)), outcome, now);
        return outcome;
    }

    /**
     * A data call the institution stopped (a strong authentication or a consent is required, it
     * throttles): the source takes the state the outcome maps to, as after a step, and waits for
     * the user or the retry time. The data call already kept its session.
     */
    void dataCallStopped(long userId, long connectionId, long sourceId, RunningConnector connector, StepResult stopped) {
        records.connection(userId, connectionId).ifPresent(connection -> records.sources(connectionId).stream()
                .filter(s -> s.id() == sourceId).findFirst().ifPresent(current -> {
                    ConnectorDescriptor descriptor = connector.descriptor();
                    Instant now = clock.instant();
                    StepOutcome outcome = outcomes.map(stopped, descriptor, current.name(), now,
                            current.transientFailures());
                    SourceRow source = current.after(outcome, fieldsJson(outcome), current.sealedSession(), now,
                            outcome.consentEnded() ? now : null);
                    tx.executeWithoutResult(status -> {
                        records.saveSource(source);
                        summarize(connection, descriptor);
                        timeline.record(connectionId, source.name(), Actor.CONNECTOR, current.state(), outcome.state(),
                                "data call -> " + describe(stopped), now);
                    });
                }));
    }

    /** Stores the source, the connection's summary (returned) and the timeline entry. */
    private ConnectionRow recorded(Step step, ConnectionRow connection, SourceRow source, StepOutcome outcome,
                                   String cause, Instant now) {
        records.saveSource(source);
        ConnectionRow summary = summarize(connection, step.connector().descriptor());
        timeline.record(connection.id(), source.name(), step.actor(), step.source().state(), outcome.state(), cause, now);
        events.publishEvent(new StepEnded(step.connector().descriptor(), step.actor(), outcome.state()));
        return summary;
    }

    /** {@link ConnectionSynced} once the step ended in a resting state (not one the user is answering). */
    private void announce(ConnectionRow summary, StepOutcome outcome, Instant stepEnded) {
        if (outcome.pending() == null) {
            events.publishEvent(new ConnectionSynced(summary.userId(), summary.id(), stepEnded));
        }
    }

    /**
     * Whether a successful step was a strong authentication of the user, which renews the consent
     * (docs/protocol.md §12): the user validated in the bank app (whether they or the background poll
     * asked), or, present, gave credentials, answered a challenge, came back from the institution's
     * page, or was asked for the authentication a source waited on.
     */
    private static boolean authenticated(Step step) {
        return polled(step) || step.userPresent() && (step.call() == Call.START || step.call() == Call.RESUME
                || AWAITING_AUTHENTICATION.contains(step.source().state()));
    }

    /**
     * The connector call. Polling a decoupled validation ({@code resume=true}) blocks until it is
     * given, up to {@code passerelle.connections.resume-wait} on the injected clock (docs/protocol.md §3.4 "blocks
     * until validated"); the runtime holds no slot between the polls.
     */
    private Called<StepResult> call(Step step, SourceCall source, Presence presence) {
        RunningConnector connector = step.connector();
        return switch (step.call()) {
            case START -> runtime.start(connector, source, presence);
            case SYNC -> runtime.sync(connector, source, presence);
            case RESUME -> step.resume() != null ? runtime.resume(connector, source, presence, step.resume())
                    : step.input().equals(RESUME)
                            ? runtime.awaitDecoupled(connector, source, presence, clock.instant().plus(properties.resumeWait()))
                            : runtime.resume(connector, source, presence, new Resume.Answers(step.input()));
            case NONE, LOCKED, ASK_AUTHENTICATION -> throw new IllegalArgumentException("not a connector call: " + step.call());
        };
    }

    /** The field values stored on the connection, decrypted. */
    Map<String, String> storedCredentials(ConnectionRow connection) {
        return vault.openCredentials(connection.sealedCredentials());
    }

    /**
     * Recomputes the connection's summary from its sources: the state, message and fields of the
     * first source (in priority order) that has a state; the latest success; the earliest retry.
     */
    ConnectionRow summarize(ConnectionRow connection, ConnectorDescriptor descriptor) {
        List<SourceRow> sources = records.sources(connection.id()).stream()
                .filter(s -> s.disabled() == null)
                .sorted(Comparator.comparingInt(s -> descriptor.source(s.name()).map(d -> d.priority()).orElse(Integer.MAX_VALUE)))
                .toList();
        SourceRow deciding = sources.stream().filter(s -> s.state() != null).findFirst().orElse(null);
        Instant lastUpdate = sources.stream().map(SourceRow::lastUpdate).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
        Instant nextTry = sources.stream().map(SourceRow::nextTry).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
        ConnectionRow summary = connection.withSummary(
                deciding == null ? null : deciding.state(),
                deciding == null ? null : deciding.errorMessage(),
                deciding == null ? null : deciding.fieldsJson(),
                lastUpdate,
                lastUpdate == null ? connection.expire() : null,
                nextTry);
        records.saveConnection(summary);
        return summary;
    }

    /** What the outcome asks the user, as the connection's {@code fields}; null when nothing. */
    private String fieldsJson(StepOutcome outcome) {
        return outcome.prompt().isEmpty() ? null : json.writeValueAsString(ConnectionFieldView.of(outcome.prompt()));
    }

    private static Map<String, String> merged(Map<String, String> stored, Map<String, String> posted) {
        Map<String, String> merged = new LinkedHashMap<>(stored);
        merged.putAll(posted);
        return merged;
    }

    /**
     * What a connector sees of the credentials when its source is driven at the institution's
     * website (docs/protocol.md §5): that source's web-authentication fields only. The login and password another
     * source stored would let it skip the institution's pages, and a source added "through the
     * bank" must go through the bank.
     */
    private static Map<String, String> atInstitution(ConnectorDescriptor descriptor, String source,
                                                     Map<String, String> credentials) {
        Set<String> names = descriptor.fieldsFor(source, AuthMechanism.WEBAUTH).stream().map(FieldSpec::name)
                .collect(Collectors.toSet());
        Map<String, String> own = new LinkedHashMap<>(credentials);
        own.keySet().retainAll(names);
        return own;
    }

    /** Only the connector's own fields are kept: meta parameters and stray keys are never stored. */
    private static Map<String, String> connectorFields(ConnectorDescriptor descriptor, Map<String, String> values) {
        Set<String> names = descriptor.fields().stream().map(FieldSpec::name).collect(Collectors.toSet());
        Map<String, String> kept = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (names.contains(name)) {
                kept.put(name, value);
            }
        });
        return kept;
    }

    private static String cause(Step step, StepResult result) {
        String asked = switch (step.call()) {
            case START -> step.input().isEmpty() ? "authentication" : "authentication with " + step.input().keySet();
            case RESUME -> step.resume() != null ? step.resume().toString()
                    : step.input().equals(RESUME) ? "resume" : "answer " + step.input().keySet();
            case SYNC -> step.userPresent() ? "sync requested by the user" : "sync without the user";
            case NONE, LOCKED, ASK_AUTHENTICATION -> step.call().name();
        };
        return asked + " -> " + describe(result);
    }

    static String describe(StepResult result) {
        return result.getClass().getSimpleName() + (result instanceof StepResult.Failure f ? " " + f.reason() : "");
    }
}
