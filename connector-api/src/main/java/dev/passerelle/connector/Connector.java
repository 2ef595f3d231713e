package dev.passerelle.connector;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One institution, as seen by Passerelle.
 *
 * <p>Implementations are thread-safe and keep nothing about a connection in memory: one instance
 * serves every connection, possibly on several server instances. What a connection needs between
 * two calls (a bank session, a pending OTP, an OAuth token) the connector writes to the context's
 * session ({@link ConnectionContext#saveSession}); the server stores it encrypted and hands it back
 * on the next call (woob's {@code dump_state}/{@code load_state}).
 *
 * <p>Steps ({@link #start}, {@link #resume}, {@link #sync}) answer a typed {@link StepResult} and
 * do not throw for institution-side problems. Data calls ({@link #accounts}, {@link #transactions}
 * and the capability methods) run after a successful step or on their own in a later background
 * sync; they stop with an {@link Interruption} when the institution wants an authentication,
 * throttles or fails. Anything else thrown is a fault of the connector: the server records it as
 * the source's {@code bug} state, with a timeline entry, and keeps the session written so far.
 *
 * <p>Optional abilities are interfaces of their own: {@link DocumentCapability},
 * {@link WealthCapability}, {@link ProfileCapability}, {@link ConsentCapability}. The server calls
 * one only on sources whose descriptor declares the matching {@link Capability}.
 */
public interface Connector {

    /** Static description published by {@code GET /connectors}: identity, sources, fields, settings. */
    ConnectorDescriptor descriptor();

    /**
     * The connector's own rules on its settings, beyond what its {@link SettingSpec}s say (their
     * types and required ones are checked first): each setting whose value it would refuse, by name,
     * with why, worded to follow {@code setting '<name>'} ({@code "must be 0 or more"}). Empty when
     * it takes them.
     *
     * <p>The server asks before it starts the connector and before it stores an operator's change:
     * a change it names is refused (400) and nothing is stored; at start-up, a value an operator
     * stored earlier that it names is set aside with a warning. {@code settings} hold only values
     * that read as their type, so the typed accessors do not throw. Check the values only: no
     * institution call, no file written, nothing kept.
     */
    default Map<String, String> settingProblems(Settings settings) {
        return Map.of();
    }

    /**
     * Called once when the server starts the connector, after its settings were checked (their specs
     * and {@link #settingProblems}); a connector that throws here is not run. Load a bank directory,
     * warm a cache.
     */
    default void open(ConnectorEnvironment environment) {
    }

    /** Called once when the server stops. */
    default void close() {
    }

    /**
     * Adds a source to a connection: first contact with the institution with the field values the
     * user gave ({@link ConnectionContext#credentials()}), or (webauth) the trip to its pages.
     */
    StepResult start(ConnectionContext ctx);

    /** Continues an interactive step begun by a {@link StepResult.Challenge}, {@link StepResult.Decoupled} or {@link StepResult.Redirect}. */
    StepResult resume(ConnectionContext ctx, Resume input);

    /**
     * Refreshes an established connection. When {@link ConnectionContext#userPresent()} is false no
     * strong authentication may start: answer {@link StepResult.ScaRequired} or
     * {@link StepResult.WebauthRequired} instead (PSD2 RTS art. 10).
     */
    StepResult sync(ConnectionContext ctx);

    /** The accounts the source shows; their external ids are stable across calls. */
    List<Account> accounts(ConnectionContext ctx);

    /**
     * The operations of one account the user activated, booked or coming, from {@code since}
     * (inclusive) on. Their external ids are stable, so that the server upserts idempotently.
     */
    List<Transaction> transactions(ConnectionContext ctx, Account account, LocalDate since);
}
