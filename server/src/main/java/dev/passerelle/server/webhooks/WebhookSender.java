package dev.passerelle.server.webhooks;

import static dev.passerelle.server.config.DbTime.utc;

import dev.passerelle.server.webhooks.WebhookEndpoints.SigningKeys;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends the due deliveries of the outbox (docs/protocol.md §8.4): a JSON {@code POST} authenticated
 * with the endpoint's secrets (docs/protocol.md §8.3) and naming its event ({@value #EVENT_HEADER}), oldest event
 * first; every attempt goes to the delivery log. A 2xx answer delivers it; anything else is
 * retried later with a doubling delay. After {@code failures-per-run} consecutive failures an
 * endpoint is left alone until the next run, so one dead endpoint does not hold up the others.
 * Connections go only to the addresses {@link WebhookTargets} checked, resolved at each attempt;
 * redirects are not followed.
 */
@Component
class WebhookSender implements AutoCloseable {

    /** The event a call carries, so that one URL can receive several events. */
    static final String EVENT_HEADER = "X-Passerelle-Event";

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
    private static final ContentType JSON_UTF8 = ContentType.APPLICATION_JSON.withCharset(StandardCharsets.UTF_8);

    /** One delivery to attempt; {@code since} is its event's time, or its last replay's. */
    private record Due(long id, long webhookId, String url, String event, String payload, int attempts, Instant since) {
    }

    /** What an attempt gave: delivered, or why not; {@code status} is null when no answer came. */
    record Attempt(boolean delivered, Integer status, String error) {
    }

    /** A signed call of delivery {@code deliveryId}: its headers, in order, and the body posted to {@code url}. */
    record Outgoing(long deliveryId, String event, URI url, Map<String, String> headers, String body) {
    }

    /**
     * Where a signed call goes: the endpoint's URL over HTTP, or the stream of a CLI listening to a
     * listener endpoint ({@link WebhookListeners}), which gets the very headers and body.
     */
    @FunctionalInterface
    interface Channel {
        Attempt deliver(Outgoing outgoing);
    }

    private final WebhookEndpoints endpoints;
    private final WebhookDeliveryLog deliveryLog;
    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final WebhooksProperties properties;
    private final Clock clock;
    private final CloseableHttpClient http;

    WebhookSender(WebhookEndpoints endpoints, WebhookDeliveryLog deliveryLog, JdbcClient jdbc, ObjectMapper json,
                  WebhooksProperties properties, WebhookTargets targets, Clock clock) {
        this.endpoints = endpoints;
        this.deliveryLog = deliveryLog;
        this.jdbc = jdbc;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
        Timeout timeout = Timeout.of(properties.timeout());
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(targets.resolver())
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(timeout).setSocketTimeout(timeout).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(timeout).setRedirectsEnabled(false).build())
                .disableAutomaticRetries()
                .disableCookieManagement()
                .build();
    }

    @Override
    public void close() throws IOException {
        http.close();
    }

    /** Attempts every due delivery once; returns how many were delivered. */
    int sendDue() {
        int delivered = send(due(null), this::post);
        purgeFinished();
        return delivered;
    }

    /** Hands the due deliveries of listener endpoint {@code webhookId} to {@code channel}; returns how many went. */
    int sendDue(long webhookId, Channel channel) {
        return send(due(webhookId), channel);
    }

    private int send(List<Due> dues, Channel channel) {
        Map<Long, Integer> consecutiveFailures = new HashMap<>();
        Map<Long, Optional<SigningKeys>> keys = new HashMap<>();
        int delivered = 0;
        for (Due due : dues) {
            if (consecutiveFailures.getOrDefault(due.webhookId(), 0) >= properties.failuresPerRun()) {
                continue;
            }
            Optional<SigningKeys> signing = keys.computeIfAbsent(due.webhookId(), endpoints::secrets);
            if (signing.isEmpty() || !claim(due)) {
                continue; // the endpoint was deleted meanwhile, or another sender took this delivery
            }
            Instant attempted = clock.instant();
            Attempt attempt = channel.deliver(signed(due, signing.get()));
            deliveryLog.record(due.id(), attempted, attempt.status(), attempt.error());
            if (attempt.delivered()) {
                markDelivered(due);
                consecutiveFailures.put(due.webhookId(), 0);
                delivered++;
            } else {
                markFailed(due, attempt.error());
                consecutiveFailures.merge(due.webhookId(), 1, Integer::sum);
            }
        }
        return delivered;
    }

    /** The due deliveries of the endpoints posted to, or (given an id) of that listener endpoint only. */
    private List<Due> due(Long listenerId) {
        String endpoints = listenerId == null ? "NOT w.listener" : "w.listener AND w.id = :listener";
        return jdbc.sql("""
                        SELECT d.id, d.id_webhook, w.url, d.event, d.payload, d.attempts, COALESCE(d.replayed, d.created) AS since
                        FROM webhook_delivery d JOIN webhook w ON w.id = d.id_webhook
                        WHERE d.next_attempt IS NOT NULL AND d.next_attempt <= :now AND %s
                        ORDER BY d.id
                        FETCH FIRST :limit ROWS ONLY""".formatted(endpoints))
                .param("now", utc(clock.instant())).param("listener", listenerId).param("limit", properties.batchSize())
                .query((rs, row) -> new Due(rs.getLong("id"), rs.getLong("id_webhook"), rs.getString("url"),
                        rs.getString("event"), rs.getString("payload"), rs.getInt("attempts"),
                        rs.getObject("since", OffsetDateTime.class).toInstant()))
                .list();
    }

    /**
     * The call with the headers of the endpoint's auth (docs/protocol.md §8.3): the secret being rotated out, if any,
     * signs {@code BI-Signature} or is the bearer, as receivers already hold it; every live secret
     * signs {@code Passerelle-Signature}.
     */
    private Outgoing signed(Due due, SigningKeys keys) {
        String body = body(due);
        Instant now = clock.instant();
        String secret = keys.secrets().getFirst();
        URI uri = URI.create(due.url());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", JSON_UTF8.toString());
        headers.put("User-Agent", "Passerelle");
        headers.put(EVENT_HEADER, due.event());
        headers.put(WebhookSignature.TIMESTAMPED_HEADER, WebhookSignature.timestamped(keys.secrets(), now.getEpochSecond(), body));
        switch (keys.auth()) {
            case HMAC -> {
                String date = DateTimeFormatter.ISO_INSTANT.format(now);
                String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
                headers.put(WebhookSignature.DATE_HEADER, date);
                headers.put(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret, "POST", path, date, body));
            }
            case BEARER -> headers.put("Authorization", "Bearer " + secret);
        }
        return new Outgoing(due.id(), due.event(), uri, headers, body);
    }

    private Attempt post(Outgoing outgoing) {
        HttpPost request = new HttpPost(outgoing.url());
        request.setEntity(new StringEntity(outgoing.body(), JSON_UTF8)); // its Content-Type is the headers' one
        outgoing.headers().forEach((name, value) -> {
            if (!name.equals("Content-Type")) {
                request.setHeader(name, value);
            }
        });
        try {
            int status = http.execute(request, HttpResponse::getCode);
            return status / 100 == 2 ? new Attempt(true, status, null) : new Attempt(false, status, "HTTP " + status);
        } catch (WebhookTargets.RefusedTarget refused) {
            return new Attempt(false, null, refused.getMessage());
        } catch (IOException e) {
            return new Attempt(false, null, e.getClass().getSimpleName());
        }
    }

    /** The stored payload with its {@code id_webhook_data}: the delivery's id, the same on every attempt (docs/protocol.md §8.2). */
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
        jdbc.sql("UPDATE webhook_delivery SET delivered = :now, next_attempt = NULL, last_error = NULL WHERE id = :id")
                .param("now", utc(clock.instant())).param("id", due.id()).update();
    }

    private void markFailed(Due due, String error) {
        Instant now = clock.instant();
        int attempts = due.attempts() + 1;
        boolean givingUp = !now.isBefore(due.since().plus(properties.giveUpAfter()));
        if (givingUp) {
            log.warn("Webhook delivery {} to endpoint {} dropped after {} attempts: {}", due.id(), due.webhookId(),
                    attempts, error);
        }
        jdbc.sql("UPDATE webhook_delivery SET next_attempt = :next, last_error = :error WHERE id = :id")
                .param("next", givingUp ? null : utc(now.plus(properties.retryAfter(attempts))))
                .param("error", error).param("id", due.id())
                .update();
    }

    /**
     * Delivered and dropped deliveries are kept a while for support, then forgotten. A listener
     * endpoint no CLI came back to for as long as a delivery is retried goes with what waits for it.
     */
    private void purgeFinished() {
        jdbc.sql("DELETE FROM webhook_delivery WHERE next_attempt IS NULL AND COALESCE(replayed, created) < :cutoff")
                .param("cutoff", utc(clock.instant().minus(properties.keepFinished()))).update();
        jdbc.sql("DELETE FROM webhook WHERE listener AND listened_until < :cutoff")
                .param("cutoff", utc(clock.instant().minus(properties.giveUpAfter()))).update();
    }

}
