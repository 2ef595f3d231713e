package dev.passerelle.server.webhooks;

import dev.passerelle.server.accounts.AccountService;
import dev.passerelle.server.accounts.AccountStore;
import dev.passerelle.server.connections.ConnectionDeleted;
import dev.passerelle.server.consent.ConsentChanged;
import dev.passerelle.server.consent.DiscoveredRows.Kind;
import dev.passerelle.server.consent.DiscoveredRows.Visible;
import dev.passerelle.server.users.User;
import dev.passerelle.server.users.UserCreated;
import dev.passerelle.server.users.UserDeleted;
import dev.passerelle.server.webhooks.WebhookOutbox.Subject;
import java.time.Instant;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns the features' account and user events into webhook deliveries (docs/protocol.md §8.2), for
 * the client application the user belongs to; the data-sync events are {@link SyncTriggers}'.
 */
@Component
class WebhookTriggers {

    private final WebhookOutbox outbox;
    private final AccountStore accountRows;
    private final AccountService accounts;

    WebhookTriggers(WebhookOutbox outbox, AccountStore accountRows, AccountService accounts) {
        this.outbox = outbox;
        this.accountRows = accountRows;
        this.accounts = accounts;
    }

    /** {@code USER_CREATED}: the User {@code {id, signin}}. */
    @EventListener
    void on(UserCreated event) {
        User user = event.user();
        outbox.forClient(user.clientId(), WebhookEvent.USER_CREATED, new Subject(user.id(), null),
                () -> new UserBody(user.id(), user.signin()));
    }

    /** {@code USER_DELETED}: the User; the user row is already gone, the event names its client. */
    @EventListener
    void on(UserDeleted event) {
        outbox.forClient(event.clientId(), WebhookEvent.USER_DELETED, Subject.none(), () -> new UserRef(event.userId()));
    }

    /** {@code CONNECTION_DELETED}: the Connection as it was. */
    @EventListener
    void on(ConnectionDeleted event) {
        outbox.forUser(event.userId(), WebhookEvent.CONNECTION_DELETED, new Subject(event.userId(), null),
                event::connection);
    }

    /** {@code ACCOUNT_ENABLED} / {@code ACCOUNT_DISABLED}: the BankAccount, {@code disabled} set or null. */
    @EventListener
    void on(ConsentChanged event) {
        if (event.kind() != Kind.ACCOUNT) {
            return;
        }
        WebhookEvent type = event.disabled() ? WebhookEvent.ACCOUNT_DISABLED : WebhookEvent.ACCOUNT_ENABLED;
        accountRows.byId(event.id()).ifPresent(row -> outbox.forUser(row.idUser(), type,
                new Subject(row.idUser(), row.idConnection()), () -> accounts.get(new Visible(row.idUser(), null, true), event.id())));
    }

    /** The protocol's User. */
    record UserBody(long id, Instant signin) {
    }

    /** A user named by id only: the user is gone, or the body is about its connection. */
    record UserRef(long id) {
    }
}
