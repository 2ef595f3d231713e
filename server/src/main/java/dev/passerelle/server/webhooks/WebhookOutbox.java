package dev.passerelle.server.webhooks;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Writes one delivery per subscribed endpoint when an event happens (PROTOCOL-NOTES §8.4 "sent
 * immediately when the event occurs"), so an event survives a restart or an endpoint that is down.
 * The body is rendered now, with the API's JSON conventions (§8.2: dates as in the API).
 */
@Component
class WebhookOutbox {

    /** What an event is about, so that its deliveries go when the user or the connection is deleted. */
    record Subject(Long userId, Long connectionId) {

        static Subject none() {
            return new Subject(null, null);
        }
    }

    private final WebhookEndpoints endpoints;
    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    WebhookOutbox(WebhookEndpoints endpoints, JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.endpoints = endpoints;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Queues {@code body} for every endpoint of {@code clientId} subscribed to {@code event}; returns how many. */
    int enqueue(long clientId, WebhookEvent event, Subject subject, Object body) {
        var subscribed = endpoints.subscribed(clientId, event);
        if (subscribed.isEmpty()) {
            return 0;
        }
        String payload = json.writeValueAsString(body);
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        for (Webhook hook : subscribed) {
            jdbc.sql("""
                            INSERT INTO webhook_delivery (id_webhook, event, payload, id_user, id_connection, created, next_attempt)
                            VALUES (:hook, :event, :payload, :user, :connection, :now, :now)""")
                    .param("hook", hook.id()).param("event", event.name()).param("payload", payload)
                    .param("user", subject.userId()).param("connection", subject.connectionId()).param("now", now)
                    .update();
        }
        return subscribed.size();
    }
}
