package dev.passerelle.server.webhooks;

import static dev.passerelle.server.config.DbTime.utc;

import dev.passerelle.server.config.UserTime;
import dev.passerelle.server.users.User;
import dev.passerelle.server.users.UserAccounts;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * Writes one delivery per subscribed endpoint when an event happens (docs/protocol.md §8.4 "sent
 * immediately when the event occurs"), so an event survives a restart or an endpoint that is down.
 * The body is rendered now, with the API's JSON conventions (docs/protocol.md §8.2: dates as in the API), and only
 * when an endpoint subscribed. Runs in the transaction of the change that raised the event, on a
 * savepoint: a failure to queue is logged and never fails nor rolls back that change.
 */
@Component
class WebhookOutbox {

    private static final Logger log = LoggerFactory.getLogger(WebhookOutbox.class);

    /** What an event is about, so that its deliveries go when the user or the connection is deleted. */
    record Subject(Long userId, Long connectionId) {

        static Subject none() {
            return new Subject(null, null);
        }
    }

    private final WebhookEndpoints endpoints;
    private final UserAccounts users;
    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final TransactionTemplate savepoint;
    private final Clock clock;

    WebhookOutbox(WebhookEndpoints endpoints, UserAccounts users, JdbcClient jdbc, ObjectMapper json,
                  PlatformTransactionManager transactions, Clock clock) {
        this.endpoints = endpoints;
        this.users = users;
        this.jdbc = jdbc;
        this.json = json;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.clock = clock;
    }

    /** Queues the event for the client application of {@code userId}; webhooks concern permanent users only (docs/protocol.md §1.4). */
    void forUser(long userId, WebhookEvent event, Subject subject, Supplier<?> body) {
        guarded(event, () -> users.find(userId).filter(User::isPermanent).map(User::clientId)
                .ifPresent(client -> enqueue(client, event, subject, body)));
    }

    /** Queues the event for {@code clientId}, if any: the user may already be gone. */
    void forClient(Long clientId, WebhookEvent event, Subject subject, Supplier<?> body) {
        guarded(event, () -> Optional.ofNullable(clientId).ifPresent(client -> enqueue(client, event, subject, body)));
    }

    private void enqueue(long clientId, WebhookEvent event, Subject subject, Supplier<?> body) {
        var subscribed = endpoints.subscribed(clientId, event);
        if (subscribed.isEmpty()) {
            return;
        }
        String payload = json.writeValueAsString(body.get());
        for (Webhook hook : subscribed) {
            insert(hook, event, subject, payload);
        }
    }

    /**
     * Queues a test call of {@code event} with {@code body} for {@code hook} alone, subscribed or not,
     * about no user (it goes with no one's data); returns the delivery's id.
     */
    long enqueueTest(Webhook hook, WebhookEvent event, Object body) {
        return insert(hook, event, Subject.none(), json.writeValueAsString(body));
    }

    /**
     * The event is dated in the time of the user it is about (a sandbox user may have moved their own
     * clock), but it is due at once in the server's time, which the sender runs on.
     */
    private long insert(Webhook hook, WebhookEvent event, Subject subject, String payload) {
        OffsetDateTime created = utc(clock.instant());
        OffsetDateTime due = utc(UserTime.server(clock::instant));
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO webhook_delivery (id_webhook, event, payload, id_user, id_connection, created, next_attempt)
                        VALUES (:hook, :event, :payload, :user, :connection, :created, :due)""")
                .param("hook", hook.id()).param("event", event.name()).param("payload", payload)
                .param("user", subject.userId()).param("connection", subject.connectionId())
                .param("created", created).param("due", due)
                .update(key, "id");
        return key.getKeyAs(Long.class);
    }

    private void guarded(WebhookEvent event, Runnable enqueue) {
        try {
            savepoint.executeWithoutResult(status -> enqueue.run());
        } catch (RuntimeException e) {
            log.error("Could not queue webhook event {}", event, e);
        }
    }
}
