package dev.passerelle.runtime;

import dev.passerelle.connector.Account;
import dev.passerelle.connector.ConnectionContext;
import dev.passerelle.connector.ConsentCapability;
import dev.passerelle.connector.Document;
import dev.passerelle.connector.DocumentCapability;
import dev.passerelle.connector.DocumentFile;
import dev.passerelle.connector.FailureReason;
import dev.passerelle.connector.Investment;
import dev.passerelle.connector.InvestmentValue;
import dev.passerelle.connector.Profile;
import dev.passerelle.connector.ProfileCapability;
import dev.passerelle.connector.Resume;
import dev.passerelle.connector.Settings;
import dev.passerelle.connector.StepResult;
import dev.passerelle.connector.Subscription;
import dev.passerelle.connector.Transaction;
import dev.passerelle.connector.WealthCapability;
import dev.passerelle.runtime.limits.Bulkheads;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The only code that calls a connector, for the server and the connector test kit alike. Each call
 * runs within the connector's {@link Bulkheads} (one slot, for this call only) and through
 * {@link ConnectorCalls} (the session taken back whatever happens, the connector's lines with secrets
 * masked, an interruption or a fault turned into an outcome), with a context built the same way every
 * time: the connector's settings (with the server's public URL as {@link Settings#PUBLIC_URL} unless
 * the connector's configuration names one) and HTTP client, the server's clock, the source's
 * credentials and session, and, when the user takes part, their request and the trip minted for them.
 */
public final class ConnectorRuntime {

    /** The answer to a data call on an account the source's consent does not cover; the institution is not asked. */
    public static final String NOT_CONSENTED =
            "This account is not covered by the consent given at the bank: authenticate again to include it";

    private final Clock clock;
    private final Bulkheads bulkheads;
    private final ConnectorCalls calls;
    private final Supplier<String> publicUrl;

    /**
     * @param publicUrl the server's public base URL, read at each call: a server listening on a port
     *                  chosen at start-up knows it only once it listens, after the connectors started
     */
    public ConnectorRuntime(Clock clock, Bulkheads bulkheads, Supplier<String> publicUrl) {
        this.clock = clock;
        this.bulkheads = bulkheads;
        this.calls = new ConnectorCalls(clock);
        this.publicUrl = publicUrl;
    }

    // ----- steps -----

    public Called<StepResult> start(RunningConnector connector, SourceCall source, Presence presence) {
        return call(connector, source, presence, ctx -> connector.connector().start(ctx));
    }

    public Called<StepResult> resume(RunningConnector connector, SourceCall source, Presence presence, Resume input) {
        return call(connector, source, presence, ctx -> connector.connector().resume(ctx, input));
    }

    public Called<StepResult> sync(RunningConnector connector, SourceCall source, Presence presence) {
        return call(connector, source, presence, ctx -> connector.connector().sync(ctx));
    }

    /**
     * Polls a decoupled validation ({@link Resume.Poll}) until the institution answers otherwise or
     * {@code deadline} passes on the server's clock, waiting each answer's {@code pollAfter} between
     * polls. The waits hold no slot, so a user waiting for their bank keeps no one else from the
     * connector; a poll the bulkheads refuse after the first ends the wait with the answer so far.
     */
    public Called<StepResult> awaitDecoupled(RunningConnector connector, SourceCall source, Presence presence,
                                             Instant deadline) {
        Called<StepResult> called = resume(connector, source, presence, new Resume.Poll());
        while (Called.outcomeOf(called) instanceof StepResult.Decoupled decoupled && clock.instant().isBefore(deadline)) {
            pause(shorter(decoupled.pollAfter(), Duration.between(clock.instant(), deadline)));
            SourceCall polled = source.withSession(called.session().orElse(null));
            Optional<Called<StepResult>> next = bulkheads.tryCall(connector.descriptor(), source.userId(),
                    () -> calls.call(context(connector, polled, presence), secrets(connector, polled),
                            ctx -> connector.connector().resume(ctx, new Resume.Poll())));
            if (next.isEmpty()) {
                break;
            }
            called = next.get().after(called);
        }
        return called;
    }

    /** The post-activation hook of a connector that keeps its own consent ({@link ConsentCapability}). */
    public Called<StepResult> accountsActivated(RunningConnector connector, SourceCall source, Presence presence,
                                                List<Account> activated) {
        ConsentCapability consent = (ConsentCapability) connector.connector();
        return call(connector, source, presence, ctx -> consent.accountsActivated(ctx, activated));
    }

    /** Withdraws the consent at the institution ({@link ConsentCapability#revoke}); best effort, as the caller deletes. */
    public Called<Boolean> revoke(RunningConnector connector, SourceCall source) {
        ConsentCapability consent = (ConsentCapability) connector.connector();
        return call(connector, source, Presence.absent(), ctx -> {
            consent.revoke(ctx);
            return Boolean.TRUE;
        });
    }

    // ----- data: the user absent -----

    public Called<List<Account>> accounts(RunningConnector connector, SourceCall source) {
        return data(connector, source, ctx -> connector.connector().accounts(ctx));
    }

    public Called<List<Transaction>> transactions(RunningConnector connector, SourceCall source, Account account,
                                                  LocalDate since) {
        return covered(source, account, () -> data(connector, source,
                ctx -> connector.connector().transactions(ctx, account, since)));
    }

    public Called<List<Investment>> investments(RunningConnector connector, SourceCall source, Account account) {
        return covered(source, account, () -> data(connector, source, ctx -> wealth(connector).investments(ctx, account)));
    }

    public Called<List<InvestmentValue>> history(RunningConnector connector, SourceCall source, Account account,
                                                 Investment investment) {
        return covered(source, account, () -> data(connector, source,
                ctx -> wealth(connector).history(ctx, account, investment)));
    }

    public Called<List<Subscription>> subscriptions(RunningConnector connector, SourceCall source) {
        return data(connector, source, ctx -> documents(connector).subscriptions(ctx));
    }

    public Called<List<Document>> documents(RunningConnector connector, SourceCall source, Subscription subscription) {
        return data(connector, source, ctx -> documents(connector).documents(ctx, subscription));
    }

    public Called<DocumentFile> file(RunningConnector connector, SourceCall source, Subscription subscription,
                                     Document document) {
        return data(connector, source, ctx -> documents(connector).file(ctx, subscription, document));
    }

    public Called<Optional<Profile>> profile(RunningConnector connector, SourceCall source) {
        return data(connector, source, ctx -> ((ProfileCapability) connector.connector()).profile(ctx));
    }

    // ----- internals -----

    /**
     * A data call on one account, made only when the consent the institution granted covers it
     * ({@link dev.passerelle.connector.Consent#accountScope()}): the institution would refuse it, and
     * some then hold the whole consent invalid. Otherwise the account's call ends {@code actionNeeded}
     * (the user must consent to it at the bank) and the source is left as it is.
     */
    private static <T> Called<T> covered(SourceCall source, Account account, Supplier<Called<T>> call) {
        return source.covers(account) ? call.get()
                : new Called.Interrupted<>(StepResult.Failure.of(FailureReason.ACTION_NEEDED, NOT_CONSENTED),
                        Optional.ofNullable(source.session()), false, List.of());
    }

    private <T> Called<T> data(RunningConnector connector, SourceCall source, Function<ConnectionContext, T> body) {
        return call(connector, source, Presence.absent(), body);
    }

    /**
     * A call of the caller's own making, run as every other (the test kit's, for calls the typed
     * methods do not cover).
     */
    public <T> Called<T> call(RunningConnector connector, SourceCall source, Presence presence,
                              Function<ConnectionContext, T> body) {
        return bulkheads.call(connector.descriptor(), source.userId(),
                () -> calls.call(context(connector, source, presence), secrets(connector, source), body));
    }

    private ConnectionContext.Builder context(RunningConnector connector, SourceCall source, Presence presence) {
        return ConnectionContext.builder()
                .connectionId(source.connectionId())
                .source(source.source())
                .mechanism(source.mechanism())
                .credentials(source.credentials())
                .postedFields(presence.postedFields())
                .session(source.session())
                .userPresent(presence.userPresent())
                .psu(presence.psu())
                .interaction(presence.interaction())
                .clock(clock)
                .settings(settings(connector))
                .http(connector.http());
    }

    private Settings settings(RunningConnector connector) {
        Settings configured = connector.settings();
        return configured.text(Settings.PUBLIC_URL).isPresent() ? configured
                : configured.with(Settings.PUBLIC_URL, publicUrl.get());
    }

    private static Set<String> secrets(RunningConnector connector, SourceCall source) {
        return ConnectionSecrets.of(connector.descriptor(), connector.settings(), source.credentials());
    }

    private static WealthCapability wealth(RunningConnector connector) {
        return (WealthCapability) connector.connector();
    }

    private static DocumentCapability documents(RunningConnector connector) {
        return (DocumentCapability) connector.connector();
    }

    private static Duration shorter(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.isNegative() ? Duration.ZERO : duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a decoupled validation", e);
        }
    }
}
