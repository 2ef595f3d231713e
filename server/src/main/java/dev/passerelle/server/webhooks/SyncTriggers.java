package dev.passerelle.server.webhooks;

import dev.passerelle.server.accounts.AccountService;
import dev.passerelle.server.api.Expand;
import dev.passerelle.server.connections.ConnectionSynced;
import dev.passerelle.server.connections.ConnectionViews;
import dev.passerelle.server.connections.Connections;
import dev.passerelle.server.consent.DiscoveredRows.Visible;
import dev.passerelle.server.documents.DocumentStore;
import dev.passerelle.server.documents.DocumentView;
import dev.passerelle.server.ingestion.AccountSynced;
import dev.passerelle.server.ingestion.AccountsFetched;
import dev.passerelle.server.ingestion.SubscriptionSynced;
import dev.passerelle.server.investments.Investments;
import dev.passerelle.server.transactions.TransactionUpserts;
import dev.passerelle.server.webhooks.WebhookOutbox.Subject;
import dev.passerelle.server.webhooks.WebhookTriggers.UserRef;
import java.time.Instant;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns the data sync of a connection into webhook deliveries (docs/protocol.md §8.2), in the order a
 * step raises them: {@code ACCOUNTS_FETCHED} once a source's accounts are listed, then
 * {@code ACCOUNT_SYNCED} per consented account and {@code SUBSCRIPTION_SYNCED} per consented
 * subscription with what their fetch inserted, and last {@code CONNECTION_SYNCED}, each enabled
 * account with the operations this step inserted; every account also carries the investments it
 * holds. Disabled accounts and subscriptions never appear (their data is not fetched, GDPR).
 */
@Component
class SyncTriggers {

    private final WebhookOutbox outbox;
    private final Connections connections;
    private final ConnectionViews views;
    private final AccountService accounts;
    private final TransactionUpserts transactions;
    private final DocumentStore documents;
    private final Investments investments;
    private final ObjectMapper json;

    SyncTriggers(WebhookOutbox outbox, Connections connections, ConnectionViews views, AccountService accounts,
                 TransactionUpserts transactions, DocumentStore documents, Investments investments, ObjectMapper json) {
        this.outbox = outbox;
        this.connections = connections;
        this.views = views;
        this.accounts = accounts;
        this.transactions = transactions;
        this.documents = documents;
        this.investments = investments;
        this.json = json;
    }

    /** The body of {@code ACCOUNTS_FETCHED} and {@code CONNECTION_SYNCED}. */
    record ConnectionBody(UserRef user, JsonNode connection) {
    }

    /** {@code ACCOUNTS_FETCHED}: {@code {user, connection}} with the connection's enabled accounts. */
    @EventListener
    void on(AccountsFetched event) {
        outbox.forUser(event.userId(), WebhookEvent.ACCOUNTS_FETCHED, new Subject(event.userId(), event.connectionId()),
                () -> new ConnectionBody(new UserRef(event.userId()),
                        connection(event.userId(), event.connectionId(), "accounts")));
    }

    /**
     * {@code ACCOUNT_SYNCED}: the BankAccount with the {@code transactions} its fetch inserted and the
     * {@code investments} it shows now.
     */
    @EventListener
    void on(AccountSynced event) {
        outbox.forUser(event.userId(), WebhookEvent.ACCOUNT_SYNCED, new Subject(event.userId(), event.connectionId()),
                () -> withInvestments(event.userId(), withTransactions((ObjectNode) tree(accounts.get(
                        new Visible(event.userId(), null, false), event.accountId())), event.fetched())));
    }

    /** {@code SUBSCRIPTION_SYNCED}: the Subscription with the {@code documents} its fetch inserted. */
    @EventListener
    void on(SubscriptionSynced event) {
        outbox.forUser(event.userId(), WebhookEvent.SUBSCRIPTION_SYNCED, new Subject(event.userId(), event.connectionId()),
                () -> {
                    ObjectNode subscription = connection(event.userId(), event.connectionId(), "subscriptions")
                            .get("subscriptions").valueStream()
                            .filter(s -> s.get("id").asLong() == event.subscriptionId())
                            .map(ObjectNode.class::cast).findFirst().orElseThrow();
                    return withDocuments(subscription, event.fetched());
                });
    }

    /**
     * {@code CONNECTION_SYNCED}: {@code {user, connection}}, the connection with its connector and
     * sources, each enabled account with the operations this step inserted and its investments, and
     * each enabled subscription with the documents it inserted.
     */
    @EventListener
    void on(ConnectionSynced event) {
        long userId = event.userId();
        outbox.forUser(userId, WebhookEvent.CONNECTION_SYNCED, new Subject(userId, event.connectionId()), () -> {
            ObjectNode connection = connection(userId, event.connectionId(), "connector,sources,accounts,subscriptions");
            connection.path("accounts").valueStream().map(ObjectNode.class::cast)
                    .forEach(account -> withInvestments(userId, withTransactions(account, event.stepEnded())));
            connection.path("subscriptions").valueStream().map(ObjectNode.class::cast)
                    .forEach(subscription -> withDocuments(subscription, event.stepEnded()));
            return new ConnectionBody(new UserRef(userId), connection);
        });
    }

    /** The connection as {@code GET /users/{id}/connections/{id}?expand=…} shows it. */
    private ObjectNode connection(long userId, long connectionId, String expand) {
        return (ObjectNode) tree(views.view(connections.get(userId, connectionId), Expand.parse(expand)));
    }

    /**
     * {@code value} as the API writes it. Through text, because the API's amount serializer writes
     * plain number strings a tree cannot take; read back as decimals so that no digit changes.
     */
    private JsonNode tree(Object value) {
        return json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .readTree(json.writeValueAsString(value));
    }

    /** Adds {@code documents}: those inserted on the subscription at {@code since} or later. */
    private ObjectNode withDocuments(ObjectNode subscription, Instant since) {
        return subscription.set("documents", tree(
                documents.insertedSince(subscription.get("id").asLong(), since).stream().map(DocumentView::of).toList()));
    }

    /** Adds {@code investments}: what the account holds now (none for an account that holds none). */
    private ObjectNode withInvestments(long userId, ObjectNode account) {
        return account.set("investments", tree(investments.ofAccount(userId, account.get("id").asLong())));
    }

    /** Adds {@code transactions}: those inserted on the account at {@code since} or later. */
    private ObjectNode withTransactions(ObjectNode account, Instant since) {
        return account.set("transactions", tree(transactions.insertedSince(account.get("id").asLong(), since)));
    }
}
