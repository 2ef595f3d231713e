package dev.passerelle.server.ingestion;

import dev.passerelle.connector.Account;
import dev.passerelle.connector.Capability;
import dev.passerelle.connector.Document;
import dev.passerelle.connector.DocumentFile;
import dev.passerelle.connector.Investment;
import dev.passerelle.connector.StepResult;
import dev.passerelle.connector.Subscription;
import dev.passerelle.connector.Transaction;
import dev.passerelle.runtime.Called;
import dev.passerelle.runtime.state.ConnectionState;
import dev.passerelle.server.accounts.AccountRow;
import dev.passerelle.server.accounts.AccountStore;
import dev.passerelle.server.api.ApiException;
import dev.passerelle.server.config.DbTime;
import dev.passerelle.server.connections.OpenSource;
import dev.passerelle.server.connections.SourceReady;
import dev.passerelle.server.connections.SourceSessions;
import dev.passerelle.server.consent.ConsentedData;
import dev.passerelle.server.consent.DiscoveredRows.Kind;
import dev.passerelle.server.consent.DiscoveredRows;
import dev.passerelle.server.documents.DocumentStore;
import dev.passerelle.server.documents.SubscriptionRow;
import dev.passerelle.server.documents.SubscriptionStore;
import dev.passerelle.server.ingestion.InvestmentsFetched.Holding;
import dev.passerelle.server.transactions.TransactionUpserts;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pulls a connection source's data into the database once a step on it succeeded
 * (docs/protocol.md §7.1, §7.3 and DESIGN "main path of data", step 5): discovers accounts and
 * subscriptions (new ones start disabled: the user has not consented yet), then fetches
 * transactions, investments (accounts whose type holds them, on sources that read wealth) and
 * documents of the consented ones only; a document's file is asked once, when the document is new.
 * Every connector call goes through the source's {@link OpenSource#call}: a data call the
 * institution stops or the connector fails marks the account or subscription with the state it
 * maps to in {@code error}, and never fails the request or task that published the event.
 *
 * <p>Each stage publishes its event ({@link AccountsFetched}, {@link InvestmentsFetched},
 * {@link AccountSynced}, {@link SubscriptionSynced}) inside the transaction that stored its data,
 * so that what listens (the webhook outbox, docs/protocol.md §8.2) commits or rolls back with it.
 */
@Component
public class DataIngestion implements ConsentedData {

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
        open(event.sourceId()).ifPresent(this::ingest);
    }

    /** Discovers the source's accounts and subscriptions and fetches the data of the consented ones. */
    public void ingest(OpenSource source) {
        Instant now = clock.instant();
        // The reconciliations name the items to fetch: no second query for them.
        Optional<List<Long>> fetchableAccounts = data(source, source.accounts(),
                error -> discovered.setErrorOfSource(Kind.ACCOUNT, source.sourceId(), error))
                .map(listed -> tx.execute(status -> {
                    List<Long> fetchable = accounts.reconcile(source, listed, now);
                    events.publishEvent(new AccountsFetched(source.userId(), source.connectionId(), source.sourceId()));
                    return fetchable;
                }));
        Optional<List<Long>> fetchableSubscriptions = source.reads(Capability.DOCUMENT)
                ? data(source, source.subscriptions(),
                        error -> discovered.setErrorOfSource(Kind.SUBSCRIPTION, source.sourceId(), error))
                        .map(listed -> subscriptions.reconcile(source, listed, now))
                : Optional.empty();
        fetchableAccounts.ifPresent(ids -> ids.forEach(id -> accounts.byId(id)
                .ifPresent(account -> fetchAccount(source, account))));
        fetchableSubscriptions.ifPresent(ids -> ids.forEach(id -> subscriptions.byId(id)
                .ifPresent(subscription -> fetchDocuments(source, subscription))));
    }

    @Override
    public void fetch(Kind kind, long id) {
        switch (kind) {
            case ACCOUNT -> fetchAccountData(id);
            case SUBSCRIPTION -> fetchSubscriptionData(id);
        }
    }

    @Override
    public void delete(Kind kind, long id) {
        switch (kind) {
            case ACCOUNT -> transactions.deleteOfAccount(id);
            case SUBSCRIPTION -> documents.deleteOfSubscription(id);
        }
    }

    /** Fetches the data of one account, as on its activation; a no-op unless consented and live. */
    private void fetchAccountData(long accountId) {
        accounts.byId(accountId).filter(AccountRow::fetchable).ifPresent(account -> leased(account.idSource(),
                source -> {
                    if (consentCovers(source, account)) {
                        fetchAccount(source, account);
                    }
                }));
    }

    /**
     * Tells an institution that keeps its own consent on the chosen accounts ({@code ConsentCapability},
     * a Berlin Group bank's dedicated consent) which accounts are active now, before their data is
     * fetched. When it needs the user to consent first, the source says so ({@code SCARequired}) and
     * nothing is fetched until the user authenticated again.
     */
    private boolean consentCovers(OpenSource source, AccountRow activated) {
        if (!source.keepsItsOwnConsent()) {
            return true;
        }
        List<Account> active = discovered.fetchableOfSource(Kind.ACCOUNT, source.sourceId()).stream()
                .map(accounts::byId).flatMap(Optional::stream).map(AccountRow::toConnector).toList();
        Optional<StepResult> outcome = data(source, source.accountsActivated(active),
                error -> discovered.setError(Kind.ACCOUNT, activated.id(), error));
        outcome.filter(answer -> !(answer instanceof StepResult.Success)).ifPresent(source::needsTheUser);
        return outcome.filter(StepResult.Success.class::isInstance).isPresent();
    }

    /** Fetches the documents of one subscription, as on its activation; a no-op unless consented and live. */
    private void fetchSubscriptionData(long subscriptionId) {
        subscriptions.byId(subscriptionId)
                .filter(s -> s.disabled() == null && s.deleted() == null && s.idSource() != null)
                .ifPresent(subscription -> leased(subscription.idSource(),
                        source -> fetchDocuments(source, subscription)));
    }

    /**
     * Runs an activation's connector calls on the source under its connection's lease, so that they
     * never interleave with a step or a sync there ({@link SourceSessions#withLease}). When the source
     * cannot be opened, or a step keeps the connection past the wait, the data comes with that step
     * (which fetches every consented account it lists) or with the next sync.
     */
    private void leased(long sourceId, Consumer<OpenSource> work) {
        try {
            sessions.withLease(sourceId, work);
        } catch (ApiException e) {
            log.warn("Source {}: data not fetched on activation, left to the next sync: {}", sourceId, e.description());
        }
    }

    private Optional<OpenSource> open(long sourceId) {
        try {
            return Optional.of(sessions.open(sourceId));
        } catch (ApiException e) {
            log.warn("Source {} cannot be opened for a data fetch: {}", sourceId, e.description());
            return Optional.empty();
        }
    }

    /** The account's transactions and, when it holds some, investments; stored together once both came. */
    private void fetchAccount(OpenSource source, AccountRow account) {
        LocalDate since = transactions.lastBookedDate(account.id())
                .map(last -> last.minusDays(OVERLAP_DAYS))
                .orElseGet(() -> LocalDate.now(clock).minus(Period.ofMonths(monthsToFetch(source))));
        Account described = account.toConnector();
        Consumer<String> onError = error -> discovered.setError(Kind.ACCOUNT, account.id(), error);
        Optional<List<Transaction>> fetched = data(source, source.transactions(described, since), onError);
        if (fetched.isEmpty()) {
            return;
        }
        Optional<List<Holding>> holdings = account.invested() && source.reads(Capability.WEALTH)
                ? investments(source, described, onError)
                : Optional.of(List.of());
        if (holdings.isEmpty()) {
            return;
        }
        tx.executeWithoutResult(status -> {
            Instant now = storedInstant();
            TransactionUpserts.Outcome outcome = transactions.upsert(account.id(), since, fetched.get(), now);
            if (account.invested()) {
                events.publishEvent(new InvestmentsFetched(account.idUser(), account.idConnection(), account.id(),
                        holdings.get(), now));
            }
            discovered.setError(Kind.ACCOUNT, account.id(), null);
            log.debug("Account {}: {}", account.id(), outcome);
            events.publishEvent(new AccountSynced(account.idUser(), account.idConnection(), account.id(), now));
        });
    }

    /** The account's investments, each with its history; empty (the error handed on) when a call failed. */
    private Optional<List<Holding>> investments(OpenSource source, Account account, Consumer<String> onError) {
        Optional<List<Investment>> lines = data(source, source.investments(account), onError);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        List<Holding> holdings = new ArrayList<>();
        for (Investment line : lines.get()) {
            Optional<Holding> holding = data(source, source.history(account, line), onError)
                    .map(history -> new Holding(line, history));
            if (holding.isEmpty()) {
                return Optional.empty();
            }
            holdings.add(holding.get());
        }
        return Optional.of(holdings);
    }

    /** The subscription's documents; the file of each one not stored yet. */
    private void fetchDocuments(OpenSource source, SubscriptionRow subscription) {
        Subscription described = subscription.toConnector();
        Consumer<String> onError = error -> discovered.setError(Kind.SUBSCRIPTION, subscription.id(), error);
        Optional<List<Document>> fetched = data(source, source.documents(described), onError);
        if (fetched.isEmpty()) {
            return;
        }
        Set<String> stored = documents.storedExternalIds(subscription.id());
        Map<String, DocumentFile> files = new LinkedHashMap<>();
        for (Document document : fetched.get()) {
            if (!stored.contains(document.externalId())) {
                Optional<DocumentFile> file = data(source, source.file(described, document), onError);
                if (file.isEmpty()) {
                    return;
                }
                files.put(document.externalId(), file.get());
            }
        }
        tx.executeWithoutResult(status -> {
            Instant now = storedInstant();
            documents.upsert(subscription.id(), subscription.idUser(), fetched.get(), files, now);
            discovered.setError(Kind.SUBSCRIPTION, subscription.id(), null);
            events.publishEvent(new SubscriptionSynced(subscription.idUser(), subscription.idConnection(),
                    subscription.id(), now));
        });
    }

    /**
     * Now, to the microsecond the database keeps: the rows a fetch inserts carry this instant, and
     * listeners find them by it.
     */
    private Instant storedInstant() {
        return DbTime.stored(clock.instant());
    }

    private static int monthsToFetch(OpenSource source) {
        int months = source.descriptor().monthsToFetch();
        return months > 0 ? months : DEFAULT_MONTHS_TO_FETCH;
    }

    /**
     * What a data call answered; when the institution stopped it or the connector failed, the state
     * it maps to is handed to {@code onError} and the result is empty, so that one failing item never
     * stops the others.
     */
    private static <T> Optional<T> data(OpenSource source, Called<T> called, Consumer<String> onError) {
        return switch (called) {
            case Called.Returned<T> returned -> Optional.of(returned.value());
            case Called.Interrupted<T> interrupted -> {
                onError.accept(stateOf(interrupted.outcome()).wire());
                yield Optional.empty();
            }
            case Called.Faulted<T> faulted -> {
                log.error("Connector data call on {} threw", source, faulted.fault());
                onError.accept(ConnectionState.BUG.wire());
                yield Optional.empty();
            }
        };
    }

    /** The item's error for what stopped its data call. */
    private static ConnectionState stateOf(StepResult stopped) {
        return switch (stopped) {
            case StepResult.Failure failure -> ConnectionState.of(failure.reason());
            case StepResult.WebauthRequired w -> ConnectionState.WEBAUTH_REQUIRED;
            default -> ConnectionState.SCA_REQUIRED;
        };
    }
}
