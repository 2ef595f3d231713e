package dev.passerelle.server.ingestion;

import dev.passerelle.connector.Account;
import dev.passerelle.connector.ConnectorFailure;
import dev.passerelle.connector.Subscription;
import dev.passerelle.server.accounts.AccountRow;
import dev.passerelle.server.accounts.AccountStore;
import dev.passerelle.server.api.ApiException;
import dev.passerelle.server.config.DbTime;
import dev.passerelle.server.connections.ConnectionState;
import dev.passerelle.server.connections.OpenSource;
import dev.passerelle.server.connections.SourceReady;
import dev.passerelle.server.connections.SourceSessions;
import dev.passerelle.server.documents.DocumentStore;
import dev.passerelle.server.documents.SubscriptionRow;
import dev.passerelle.server.documents.SubscriptionStore;
import dev.passerelle.server.ingestion.DiscoveredRows.Kind;
import dev.passerelle.server.transactions.TransactionUpserts;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pulls a connection source's data into the database once a step on it succeeded
 * (PROTOCOL-NOTES §7.1, §7.3 and DESIGN "main path of data", step 5): discovers accounts and
 * subscriptions (new ones start disabled: the user has not consented yet), then fetches
 * transactions and documents of the consented ones only. A connector failing while data is fetched
 * marks the account or subscription with the failure's state in {@code error} and never fails the
 * request or task that published the event.
 *
 * <p>Each stage publishes its event ({@link AccountsFetched}, {@link AccountSynced},
 * {@link SubscriptionSynced}) inside the transaction that stored its data, so that what listens
 * (the webhook outbox, PROTOCOL-NOTES §8.2) commits or rolls back with it.
 */
@Component
public class DataIngestion {

    private static final Logger log = LoggerFactory.getLogger(DataIngestion.class);

    /** Re-read this many days before the last booked operation: banks book late and correct recent lines. */
    static final int OVERLAP_DAYS = 5;

    /** History depth of a first fetch when the connector does not say. */
    static final int DEFAULT_MONTHS_TO_FETCH = 6;

    private final SourceSessions sessions;
    private final AccountStore accounts;
    private final SubscriptionStore subscriptions;
    private final DiscoveredRows discovered;
    private final TransactionUpserts transactions;
    private final DocumentStore documents;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public DataIngestion(SourceSessions sessions, AccountStore accounts, SubscriptionStore subscriptions,
                         DiscoveredRows discovered, TransactionUpserts transactions, DocumentStore documents,
                         TransactionTemplate tx, ApplicationEventPublisher events, Clock clock) {
        this.sessions = sessions;
        this.accounts = accounts;
        this.subscriptions = subscriptions;
        this.discovered = discovered;
        this.transactions = transactions;
        this.documents = documents;
        this.tx = tx;
        this.events = events;
        this.clock = clock;
    }

    /** Runs synchronously in the request or task that completed the step. */
    @EventListener
    public void onSourceReady(SourceReady event) {
        ingest(event.source());
    }

    /** Discovers the source's accounts and subscriptions and fetches the data of the consented ones. */
    public void ingest(OpenSource source) {
        Instant now = clock.instant();
        Optional<List<Account>> listedAccounts = call(Kind.ACCOUNT, source, () -> source.connector().accounts(source.context()).toList());
        listedAccounts.ifPresent(listed -> tx.executeWithoutResult(status -> {
            accounts.reconcile(source, listed, now);
            events.publishEvent(new AccountsFetched(source.userId(), source.connectionId(), source.sourceId()));
        }));
        Optional<List<Subscription>> listedSubscriptions =
                call(Kind.SUBSCRIPTION, source, () -> source.connector().subscriptions(source.context()).toList());
        listedSubscriptions.ifPresent(listed -> subscriptions.reconcile(source, listed, now));
        if (listedAccounts.isPresent()) {
            discovered.fetchableOfSource(Kind.ACCOUNT, source.sourceId()).forEach(id -> accounts.byId(id)
                    .ifPresent(account -> fetchTransactions(source, account)));
        }
        if (listedSubscriptions.isPresent()) {
            discovered.fetchableOfSource(Kind.SUBSCRIPTION, source.sourceId()).forEach(id -> subscriptions.byId(id)
                    .ifPresent(subscription -> fetchDocuments(source, subscription)));
        }
    }

    /** A listing failure is the error of every item the source showed last time. */
    private <T> Optional<T> call(Kind kind, OpenSource source, Supplier<T> listing) {
        return guarded(listing, error -> discovered.setErrorOfSource(kind, source.sourceId(), error));
    }

    /** Fetches the transactions of one account, as on its activation; a no-op unless consented and live. */
    public void fetchAccountData(long accountId) {
        accounts.byId(accountId).filter(AccountRow::fetchable)
                .ifPresent(account -> open(account.idSource()).ifPresent(source -> fetchTransactions(source, account)));
    }

    /** Fetches the documents of one subscription, as on its activation; a no-op unless consented and live. */
    public void fetchSubscriptionData(long subscriptionId) {
        subscriptions.byId(subscriptionId)
                .filter(s -> s.disabled() == null && s.deleted() == null && s.idSource() != null)
                .ifPresent(subscription -> open(subscription.idSource())
                        .ifPresent(source -> fetchDocuments(source, subscription)));
    }

    private Optional<OpenSource> open(long sourceId) {
        try {
            return Optional.of(sessions.open(sourceId));
        } catch (ApiException e) {
            log.warn("Source {} cannot be opened for a data fetch: {}", sourceId, e.description());
            return Optional.empty();
        }
    }

    private void fetchTransactions(OpenSource source, AccountRow account) {
        LocalDate since = transactions.lastBookedDate(account.id())
                .map(last -> last.minusDays(OVERLAP_DAYS))
                .orElseGet(() -> LocalDate.now(clock).minus(Period.ofMonths(monthsToFetch(source))));
        guarded(() -> source.connector().transactions(source.context(), account.toConnector(), since).toList(),
                error -> discovered.setError(Kind.ACCOUNT, account.id(), error))
                .ifPresent(fetched -> tx.executeWithoutResult(status -> {
                    Instant now = storedInstant();
                    TransactionUpserts.Outcome outcome = transactions.upsert(account.id(), since, fetched, now);
                    discovered.setError(Kind.ACCOUNT, account.id(), null);
                    log.debug("Account {}: {}", account.id(), outcome);
                    events.publishEvent(new AccountSynced(account.idUser(), account.idConnection(), account.id(), now));
                }));
    }

    private void fetchDocuments(OpenSource source, SubscriptionRow subscription) {
        guarded(() -> source.connector().documents(source.context(), subscription.toConnector()).toList(),
                error -> discovered.setError(Kind.SUBSCRIPTION, subscription.id(), error))
                .ifPresent(fetched -> tx.executeWithoutResult(status -> {
                    Instant now = storedInstant();
                    documents.upsert(subscription.id(), subscription.idUser(), fetched, now);
                    discovered.setError(Kind.SUBSCRIPTION, subscription.id(), null);
                    events.publishEvent(new SubscriptionSynced(subscription.idUser(), subscription.idConnection(),
                            subscription.id(), now));
                }));
    }

    /**
     * Now, to the microsecond the database keeps: the rows a fetch inserts carry this instant, and
     * listeners find them by it.
     */
    private Instant storedInstant() {
        return DbTime.stored(clock.instant());
    }

    private static int monthsToFetch(OpenSource source) {
        int months = source.connector().descriptor().monthsToFetch();
        return months > 0 ? months : DEFAULT_MONTHS_TO_FETCH;
    }

    /**
     * Runs a connector data call; a failure becomes the state name handed to {@code onError} and an
     * empty result, so one failing account never stops the others.
     */
    private static <T> Optional<T> guarded(Supplier<T> call, Consumer<String> onError) {
        try {
            return Optional.of(call.get());
        } catch (ConnectorFailure e) {
            log.info("Connector data call failed: {}", e.reason());
            onError.accept(ConnectionState.of(e.reason()).wire());
        } catch (RuntimeException e) {
            log.error("Connector data call threw", e);
            onError.accept(ConnectionState.BUG.wire());
        }
        return Optional.empty();
    }
}
