package dev.passerelle.server.webhooks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends the due deliveries of the outbox (PROTOCOL-NOTES §8.4): a JSON {@code POST} signed with
 * the endpoint's secret (§8.3), oldest event first. A 2xx answer delivers it; anything else is
 * retried later with a doubling delay. After {@code failures-per-run} consecutive failures an
 * endpoint is left alone until the next run, so one dead endpoint does not hold up the others.
 */
@Component
class WebhookSender {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

    /** One delivery to attempt. */
    private record Due(long id, long webhookId, String url, String payload, int attempts, Instant created) {
    }

    /** What an attempt gave: delivered, or why not. */
    private record Attempt(boolean delivered, String error) {
    }

    private final WebhookEndpoints endpoints;
    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final WebhooksProperties properties;
    private final Clock clock;
    private final HttpClient http;

    WebhookSender(WebhookEndpoints endpoints, JdbcClient jdbc, ObjectMapper json, WebhooksProperties properties,
                  Clock clock) {
        this.endpoints = endpoints;
        this.jdbc = jdbc;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Attempts every due delivery once; returns how many were delivered. */
    int sendDue() {
        Map<Long, Integer> consecutiveFailures = new HashMap<>();
        Map<Long, Optional<String>> secrets = new HashMap<>();
        int delivered = 0;
        for (Due due : due()) {
            if (consecutiveFailures.getOrDefault(due.webhookId(), 0) >= properties.failuresPerRun()) {
                continue;
            }
            Optional<String> secret = secrets.computeIfAbsent(due.webhookId(), endpoints::secret);
            if (secret.isEmpty() || !claim(due)) {
                continue; // the endpoint was deleted meanwhile, or another sender took this delivery
            }
            Attempt attempt = post(due, secret.get());
            if (attempt.delivered()) {
                markDelivered(due);
                consecutiveFailures.put(due.webhookId(), 0);
                delivered++;
            } else {
                markFailed(due, attempt.error());
                consecutiveFailures.merge(due.webhookId(), 1, Integer::sum);
            }
        }
        purgeFinished();
        return delivered;
    }

    private List<Due> due() {
        return jdbc.sql("""
                        SELECT d.id, d.id_webhook, w.url, d.payload, d.attempts, d.created
                        FROM webhook_delivery d JOIN webhook w ON w.id = d.id_webhook
                        WHERE d.next_attempt IS NOT NULL AND d.next_attempt <= :now
                        ORDER BY d.id
                        FETCH FIRST :limit ROWS ONLY""")
                .param("now", utc(clock.instant())).param("limit", properties.batchSize())
                .query((rs, row) -> new Due(rs.getLong("id"), rs.getLong("id_webhook"), rs.getString("url"),
                        rs.getString("payload"), rs.getInt("attempts"),
                        rs.getObject("created", OffsetDateTime.class).toInstant()))
                .list();
    }

    private Attempt post(Due due, String secret) {
        String body = body(due);
        String date = DateTimeFormatter.ISO_INSTANT.format(clock.instant());
        URI uri = URI.create(due.url());
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(properties.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "Passerelle")
                .header(WebhookSignature.DATE_HEADER, date)
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret, "POST", path, date, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return status / 100 == 2 ? new Attempt(true, null) : new Attempt(false, "HTTP " + status);
        } catch (IOException e) {
            return new Attempt(false, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(false, "interrupted");
        }
    }

    /** The stored payload with its {@code id_webhook_data}: the delivery's id, the same on every attempt (§8.2). */
    private String body(Due due) {
        ObjectNode body = (ObjectNode) json.readTree(due.payload());
        body.put("id_webhook_data", due.id());
        return json.writeValueAsString(body);
    }

    /**
     * Counts the attempt and holds the delivery while it is posted. db-scheduler already runs one
     * sender at a time; this also keeps a sender called directly, or one whose run overlaps the
     * next after a pause, from posting the same delivery twice. A sender that dies mid-post leaves
     * the delivery to be retried once the hold ends.
     */
    private boolean claim(Due due) {
        Instant holdUntil = clock.instant().plus(properties.timeout().multipliedBy(2));
        return jdbc.sql("""
                        UPDATE webhook_delivery SET attempts = attempts + 1, next_attempt = :hold
                        WHERE id = :id AND attempts = :seen AND next_attempt IS NOT NULL""")
                .param("hold", utc(holdUntil)).param("id", due.id()).param("seen", due.attempts())
                .update() == 1;
    }

    private void markDelivered(Due due) {
        jdbc.sql("UPDATE webhook_delivery SET delivered = :now, next_attempt = NULL WHERE id = :id")
                .param("now", utc(clock.instant())).param("id", due.id()).update();
    }

    private void markFailed(Due due, String error) {
        Instant now = clock.instant();
        int attempts = due.attempts() + 1;
        boolean givingUp = !now.isBefore(due.created().plus(properties.giveUpAfter()));
        if (givingUp) {
            log.warn("Webhook delivery {} to endpoint {} dropped after {} attempts: {}", due.id(), due.webhookId(),
                    attempts, error);
        }
        jdbc.sql("UPDATE webhook_delivery SET next_attempt = :next, last_error = :error WHERE id = :id")
                .param("next", givingUp ? null : utc(now.plus(properties.retryAfter(attempts))))
                .param("error", error).param("id", due.id())
                .update();
    }

    /** Delivered and dropped deliveries are kept a while for support, then forgotten. */
    private void purgeFinished() {
        jdbc.sql("DELETE FROM webhook_delivery WHERE next_attempt IS NULL AND created < :cutoff")
                .param("cutoff", utc(clock.instant().minus(properties.keepFinished()))).update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
