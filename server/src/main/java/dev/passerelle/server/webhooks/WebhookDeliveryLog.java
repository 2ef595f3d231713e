package dev.passerelle.server.webhooks;

import static dev.passerelle.server.config.DbTime.instant;
import static dev.passerelle.server.config.DbTime.utc;

import com.fasterxml.jackson.annotation.JsonValue;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every attempt of every delivery (docs/protocol.md §8.1 names Powens' {@code /webhooks/{id}/logs}),
 * what the delivery log API lists, and replays. A replay sends the same delivery row again, so the
 * receiver sees the same {@code id_webhook_data} and can ignore it if it already processed it.
 */
@Component
class WebhookDeliveryLog {

    private static final String DELIVERY_COLUMNS = """
            SELECT id, id_webhook, event, created, attempts, next_attempt, delivered, last_error, last_attempt,
                last_status, replayed
            FROM webhook_delivery""";

    /** Where a delivery stands: {@code pending} (will be attempted), {@code delivered} or {@code failed} (given up). */
    enum Status {
        PENDING, DELIVERED, FAILED;

        @JsonValue
        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One delivery as the log shows it; {@code nextAttempt} is null once it is delivered or given up. */
    record Delivery(long id, long idWebhook, String event, Status status, Instant created, int attempts,
                    Instant nextAttempt, Instant delivered, Instant lastAttempt, Integer lastStatus, String lastError,
                    Instant replayed) {
    }

    /** One attempt: the HTTP status is null when no answer came, the error null when it was delivered. */
    record Attempt(Instant attempted, Integer httpStatus, String error) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final MeterRegistry meters;

    WebhookDeliveryLog(JdbcClient jdbc, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * Logs one attempt, and counts it ({@code passerelle.webhook.attempts}) by outcome and HTTP
     * status class ({@code none} when no answer came): nothing about the endpoint or the event's user.
     */
    void record(long deliveryId, Instant attempted, Integer httpStatus, String error) {
        Counter.builder("passerelle.webhook.attempts").description("Webhook delivery attempts")
                .tag("outcome", error == null ? "delivered" : "failed")
                .tag("status", httpStatus == null ? "none" : httpStatus / 100 + "xx")
                .register(meters).increment();
        jdbc.sql("INSERT INTO webhook_attempt (id_delivery, attempted, http_status, error) VALUES (:d, :at, :status, :error)")
                .param("d", deliveryId).param("at", utc(attempted)).param("status", httpStatus).param("error", error)
                .update();
        jdbc.sql("UPDATE webhook_delivery SET last_attempt = :at, last_status = :status WHERE id = :d")
                .param("d", deliveryId).param("at", utc(attempted)).param("status", httpStatus).update();
    }

    /** The newest deliveries of an endpoint first. */
    List<Delivery> ofWebhook(long webhookId, int limit) {
        return jdbc.sql(DELIVERY_COLUMNS + " WHERE id_webhook = :w ORDER BY id DESC FETCH FIRST :limit ROWS ONLY")
                .param("w", webhookId).param("limit", limit).query(WebhookDeliveryLog::delivery).list();
    }

    Optional<Delivery> find(long deliveryId) {
        return jdbc.sql(DELIVERY_COLUMNS + " WHERE id = :id").param("id", deliveryId)
                .query(WebhookDeliveryLog::delivery).optional();
    }

    /** The body posted for the delivery, as stored (without its {@code id_webhook_data}). */
    Optional<String> payload(long deliveryId) {
        return jdbc.sql("SELECT payload FROM webhook_delivery WHERE id = :id").param("id", deliveryId)
                .query(String.class).optional();
    }

    List<Attempt> attempts(long deliveryId) {
        return jdbc.sql("SELECT attempted, http_status, error FROM webhook_attempt WHERE id_delivery = :d ORDER BY id")
                .param("d", deliveryId)
                .query((rs, row) -> new Attempt(instant(rs, "attempted"), rs.getObject("http_status", Integer.class),
                        rs.getString("error")))
                .list();
    }

    /**
     * Makes the delivery due at once, delivered or not, as new: retries and retention count again
     * from now. False when there is no such delivery (or it was purged).
     */
    boolean replay(long deliveryId) {
        Instant now = clock.instant();
        return jdbc.sql("""
                        UPDATE webhook_delivery SET next_attempt = :now, replayed = :now, attempts = 0, delivered = NULL
                        WHERE id = :id""")
                .param("now", utc(now)).param("id", deliveryId).update() == 1;
    }

    private static Delivery delivery(ResultSet rs, int row) throws SQLException {
        Instant next = instant(rs, "next_attempt");
        Instant delivered = instant(rs, "delivered");
        Status status = next != null ? Status.PENDING : delivered != null ? Status.DELIVERED : Status.FAILED;
        return new Delivery(rs.getLong("id"), rs.getLong("id_webhook"), rs.getString("event"), status,
                instant(rs, "created"), rs.getInt("attempts"), next, delivered, instant(rs, "last_attempt"),
                rs.getObject("last_status", Integer.class), rs.getString("last_error"), instant(rs, "replayed"));
    }
}
