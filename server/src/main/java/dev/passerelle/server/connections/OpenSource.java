package dev.passerelle.server.connections;

import dev.passerelle.connector.Account;
import dev.passerelle.connector.Capability;
import dev.passerelle.connector.ConnectorDescriptor;
import dev.passerelle.connector.Document;
import dev.passerelle.connector.DocumentFile;
import dev.passerelle.connector.FailureReason;
import dev.passerelle.connector.Investment;
import dev.passerelle.connector.InvestmentValue;
import dev.passerelle.connector.StepResult;
import dev.passerelle.connector.Subscription;
import dev.passerelle.connector.Transaction;
import dev.passerelle.runtime.Called;
import dev.passerelle.runtime.ConnectorRuntime;
import dev.passerelle.runtime.Presence;
import dev.passerelle.runtime.RunningConnector;
import dev.passerelle.runtime.SourceCall;
import dev.passerelle.runtime.limits.Bulkheads;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One source of one connection, opened for data calls (accounts, transactions, investments,
 * documents) with its decrypted credentials and session, the user absent. Each call runs through the
 * {@link ConnectorRuntime}: the session the connector writes is stored at once, its lines reach the
 * support timeline, and an interruption that concerns the whole source (a strong authentication or
 * a consent is required, the institution throttles or is down) changes the source's state as a step would. A
 * call the connector's concurrency limits refuse is the item's {@code rateLimiting}, not the source's.
 */
public final class OpenSource {

    /** What the refusal of a data call by the server's own limits reads as. */
    private static final StepResult.Failure REFUSED = StepResult.Failure.rateLimited(
            "Too many operations in progress on this bank; the next sync fetches it", Duration.ofSeconds(5));

    private static final Set<FailureReason> INSTITUTION_WIDE = EnumSet.of(FailureReason.RATE_LIMITED,
            FailureReason.WEBSITE_UNAVAILABLE);

    private final SourceSessions sessions;
    private final ConnectorRuntime runtime;
    private final RunningConnector connector;
    private final long sourceId;
    private SourceCall source;

    OpenSource(SourceSessions sessions, ConnectorRuntime runtime, RunningConnector connector, long sourceId,
               SourceCall source) {
        this.sessions = sessions;
        this.runtime = runtime;
        this.connector = connector;
        this.sourceId = sourceId;
        this.source = source;
    }

    public ConnectorDescriptor descriptor() {
        return connector.descriptor();
    }

    public long userId() {
        return source.userId();
    }

    public long connectionId() {
        return source.connectionId();
    }

    /** The {@code connection_source} row id ({@code id_source} on accounts). */
    public long sourceId() {
        return sourceId;
    }

    /** Whether this source reads {@code capability}, as its descriptor says and its connector implements. */
    public boolean reads(Capability capability) {
        return connector.reads(source.source(), capability);
    }

    public Called<List<Account>> accounts() {
        return call(s -> runtime.accounts(connector, s));
    }

    public Called<List<Transaction>> transactions(Account account, LocalDate since) {
        return call(s -> runtime.transactions(connector, s, account, since));
    }

    public Called<List<Investment>> investments(Account account) {
        return call(s -> runtime.investments(connector, s, account));
    }

    public Called<List<InvestmentValue>> history(Account account, Investment investment) {
        return call(s -> runtime.history(connector, s, account, investment));
    }

    public Called<List<Subscription>> subscriptions() {
        return call(s -> runtime.subscriptions(connector, s));
    }

    public Called<List<Document>> documents(Subscription subscription) {
        return call(s -> runtime.documents(connector, s, subscription));
    }

    public Called<DocumentFile> file(Subscription subscription, Document document) {
        return call(s -> runtime.file(connector, s, subscription, document));
    }

    /** Whether the institution keeps a consent that follows the user's choices ({@code ConsentCapability}). */
    public boolean keepsItsOwnConsent() {
        return connector.keepsConsent();
    }

    /**
     * The post-activation hook, the user absent: {@code active} is every account now active on the
     * source. A consent it grants is kept, and the calls that follow are made under it.
     */
    public Called<StepResult> accountsActivated(List<Account> active) {
        Called<StepResult> called = call(s -> runtime.accountsActivated(connector, s, Presence.absent(), active));
        if (called instanceof Called.Returned<StepResult> returned
                && returned.value() instanceof StepResult.Success success && success.consent() != null) {
            source = source.withConsent(success.consent());
            sessions.consentGranted(sourceId, success.consent());
        }
        return called;
    }

    /** Withdraws the source's consent at the institution; best effort. */
    public Called<Boolean> revoke() {
        return call(s -> runtime.revoke(connector, s));
    }

    private <T> Called<T> call(Function<SourceCall, Called<T>> body) {
        Called<T> called;
        try {
            called = body.apply(source);
        } catch (Bulkheads.Full full) {
            return new Called.Interrupted<>(REFUSED, Optional.ofNullable(source.session()), false, List.of());
        }
        if (called.sessionWritten()) {
            source = source.withSession(called.session().orElse(null));
            sessions.saveSession(sourceId, source.session());
        }
        sessions.recordLines(source.connectionId(), source.source(), called.lines());
        if (called instanceof Called.Interrupted<T> interrupted && stopsTheSource(interrupted.outcome())) {
            sessions.stopped(this, connector, interrupted.outcome());
        }
        return called;
    }

    /**
     * An answer that asks for the user (a strong authentication, a web authentication), given by a hook
     * the connector answered without the user: the source's state says so, as after a stopped data call.
     */
    public void needsTheUser(StepResult outcome) {
        sessions.stopped(this, connector, outcome);
    }

    /**
     * Only an institution-wide answer changes the source: the user must authenticate, the institution
     * throttles or is down (docs/protocol.md §4 {@code rateLimiting}, {@code websiteUnavailable}, retried
     * with the source). Any other failure on one item stays that item's error.
     */
    private static boolean stopsTheSource(StepResult outcome) {
        return !(outcome instanceof StepResult.Failure failure) || INSTITUTION_WIDE.contains(failure.reason());
    }

    @Override
    public String toString() {
        return "OpenSource[connection " + source.connectionId() + ", source " + sourceId + " " + source.source() + "]";
    }
}
