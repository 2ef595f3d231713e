package dev.passerelle.server.webhooks;

import dev.passerelle.server.accounts.AccountService;
import dev.passerelle.server.accounts.AccountStore;
import dev.passerelle.server.connections.ConnectionDeleted;
import dev.passerelle.server.connections.ConnectionSynced;
import dev.passerelle.server.connections.ConnectionView;
import dev.passerelle.server.ingestion.ConsentChanged;
import dev.passerelle.server.ingestion.DiscoveredRows.Kind;
import dev.passerelle.server.ingestion.DiscoveredRows.Visible;
import dev.passerelle.server.users.User;
import dev.passerelle.server.users.UserAccounts;
import dev.passerelle.server.users.UserCreated;
import dev.passerelle.server.users.UserDeleted;
import dev.passerelle.server.webhooks.WebhookOutbox.Subject;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns the features' events into webhook deliveries (PROTOCOL-NOTES §8.2), for the client
 * application the user belongs to; webhooks concern permanent users only (§1.4). Runs inside the
 * request or task that raised the event; a failure to queue is logged and never fails that work.
 */
@Component
class WebhookTriggers {

    private static final Logger log = LoggerFactory.getLogger(WebhookTriggers.class);

    private final WebhookOutbox outbox;
    private final UserAccounts users;
    private final AccountStore accountRows;
    private final AccountService accounts;

    WebhookTriggers(WebhookOutbox outbox, UserAccounts users, AccountStore accountRows, AccountService accounts) {
        this.outbox = outbox;
        this.users = users;
        this.accountRows = accountRows;
        this.accounts = accounts;
    }

    /** {@code USER_CREATED}: the User {@code {id, signin}}. */
    @EventListener
    void on(UserCreated event) {
        User user = event.user();
        guarded(WebhookEvent.USER_CREATED, () -> Optional.ofNullable(user.clientId()).ifPresent(client ->
                outbox.enqueue(client, WebhookEvent.USER_CREATED, new Subject(user.id(), null), new UserBody(user.id(), user.signin()))));
    }

    /** {@code USER_DELETED}: the User; the user row is already gone, the event names its client. */
    @EventListener
    void on(UserDeleted event) {
        guarded(WebhookEvent.USER_DELETED, () -> Optional.ofNullable(event.clientId()).ifPresent(client ->
                outbox.enqueue(client, WebhookEvent.USER_DELETED, Subject.none(), new UserRef(event.userId()))));
    }

    /** {@code CONNECTION_SYNCED}: {@code {user, connection}} with the connection's enabled accounts. */
    @EventListener
    void on(ConnectionSynced event) {
        guarded(WebhookEvent.CONNECTION_SYNCED, () -> clientOf(event.userId()).ifPresent(client ->
                outbox.enqueue(client, WebhookEvent.CONNECTION_SYNCED, new Subject(event.userId(), event.connection().id()),
                        new ConnectionSyncedBody(new UserRef(event.userId()), event.connection()))));
    }

    /** {@code CONNECTION_DELETED}: the Connection as it was. */
    @EventListener
    void on(ConnectionDeleted event) {
        guarded(WebhookEvent.CONNECTION_DELETED, () -> clientOf(event.userId()).ifPresent(client ->
                outbox.enqueue(client, WebhookEvent.CONNECTION_DELETED, new Subject(event.userId(), null), event.connection())));
    }

    /** {@code ACCOUNT_ENABLED} / {@code ACCOUNT_DISABLED}: the BankAccount, {@code disabled} set or null. */
    @EventListener
    void on(ConsentChanged event) {
        if (event.kind() != Kind.ACCOUNT) {
            return;
        }
        WebhookEvent type = event.disabled() ? WebhookEvent.ACCOUNT_DISABLED : WebhookEvent.ACCOUNT_ENABLED;
        guarded(type, () -> accountRows.byId(event.id()).ifPresent(row -> clientOf(row.idUser()).ifPresent(client ->
                outbox.enqueue(client, type, new Subject(row.idUser(), row.idConnection()),
                        accounts.get(new Visible(row.idUser(), null, true), event.id())))));
    }

    private Optional<Long> clientOf(long userId) {
        return users.find(userId).filter(User::isPermanent).map(User::clientId);
    }

    /** The protocol's User. */
    record UserBody(long id, Instant signin) {
    }

    /** A user named by id only: the user is gone, or the body is about its connection. */
    record UserRef(long id) {
    }

    record ConnectionSyncedBody(UserRef user, ConnectionView connection) {
    }

    private static void guarded(WebhookEvent event, Runnable enqueue) {
        try {
            enqueue.run();
        } catch (RuntimeException e) {
            log.error("Could not queue webhook event {}", event, e);
        }
    }
}
