package dev.passerelle.connector;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One institution, as seen by Passerelle.
 *
 * <p>Implementations are stateless and thread-safe: one instance serves every connection. What a
 * connection needs between two calls (a bank session, a pending OTP, an OAuth token) travels in the
 * opaque {@link ConnectionContext#session() session} string that every {@link StepResult} hands back;
 * the server stores it encrypted and passes it to the next call, possibly on another server
 * instance (woob's {@code dump_state}/{@code load_state}). Connectors must therefore keep nothing
 * in memory between calls.
 *
 * <p>Authentication steps ({@link #start}, {@link #resume}, {@link #sync}) return typed outcomes and
 * never throw for institution-side problems. Data methods run only after a successful step; they
 * report institution-side problems with {@link ConnectorFailure}.
 */
public interface Connector {

    /** Static description published by {@code GET /connectors}: identity, sources, fields. */
    ConnectorDescriptor descriptor();

    /**
     * Adds a source to a connection: first contact with the institution using the field values the
     * user posted ({@link ConnectionContext#credentials()}).
     */
    StepResult start(ConnectionContext ctx);

    /**
     * Continues an interactive step begun by an earlier {@link StepResult.Challenge},
     * {@link StepResult.Decoupled} or {@link StepResult.Redirect}.
     *
     * @param input what the user supplied: answers to the challenge's fields, {@code resume=true}
     *              to poll a decoupled validation, or the redirect callback's query parameters
     */
    StepResult resume(ConnectionContext ctx, Map<String, String> input);

    /**
     * Refreshes an established connection. When {@link ConnectionContext#userPresent()} is false the
     * connector must not start a strong customer authentication; it answers
     * {@link StepResult.ScaRequired} or {@link StepResult.WebauthRequired} instead (PSD2 RTS art. 10).
     */
    StepResult sync(ConnectionContext ctx);

    /** Accounts visible on the source of {@code ctx}; ids must be stable across calls. */
    Stream<Account> accounts(ConnectionContext ctx);

    /**
     * Transactions of one account, booked or coming, from {@code since} (inclusive) onwards.
     * {@link Transaction#externalId()} must be stable so that the server can upsert idempotently.
     */
    Stream<Transaction> transactions(ConnectionContext ctx, Account account, LocalDate since);

    /** Bill subscriptions (document capability); empty for institutions without documents. */
    default Stream<Subscription> subscriptions(ConnectionContext ctx) {
        return Stream.empty();
    }

    /** Documents of one subscription, with their file content. */
    default Stream<Document> documents(ConnectionContext ctx, Subscription subscription) {
        return Stream.empty();
    }

    /** Identity of the account holder (profile capability), when the institution exposes it. */
    default Optional<Profile> profile(ConnectionContext ctx) {
        return Optional.empty();
    }
}
