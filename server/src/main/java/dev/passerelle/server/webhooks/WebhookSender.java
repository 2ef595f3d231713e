package dev.passerelle.server.webhooks;

import static dev.passerelle.server.config.DbTime.utc;

import dev.passerelle.server.webhooks.WebhookAuthProviders.Credentials;
import dev.passerelle.server.webhooks.WebhookEndpoints.SigningKeys;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.entity.UrlEncodedFormEntity;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.message.BasicNameValuePair;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
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
    /** An OAuth token is fetched again this long before it expires. */
    private static final Duration TOKEN_MARGIN = Duration.ofSeconds(30);
    private static final int MAX_TOKEN_ANSWER = 64 * 1024;

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
    private final WebhookTimings timings;
    private final WebhookAuthProviders providers;
    private final Clock clock;
    private final CloseableHttpClient http;
    private final Map<TokenKey, OAuthToken> oauthTokens = new ConcurrentHashMap<>();

    WebhookSender(WebhookEndpoints endpoints, WebhookDeliveryLog deliveryLog, JdbcClient jdbc, ObjectMapper json,
                  WebhooksProperties properties, WebhookTimings timings, WebhookAuthProviders providers,
                  WebhookTargets targets, Clock clock) {
        this.endpoints = endpoints;
        this.deliveryLog = deliveryLog;
        this.jdbc = jdbc;
        this.json = json;
        this.properties = properties;
        this.timings = timings;
        this.providers = providers;
        this.clock = clock;
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(targets.resolver())
                        .setConnectionConfigResolver(route -> {
                            Timeout timeout = Timeout.of(timings.timeout()); // the domain's value now
                            return ConnectionConfig.custom().setConnectTimeout(timeout).setSocketTimeout(timeout).build();
                        })
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setRedirectsEnabled(false).build())
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
        int failuresPerRun = timings.failuresPerRun();
        for (Due due : dues) {
            if (consecutiveFailures.getOrDefault(due.webhookId(), 0) >= failuresPerRun) {
                continue;
            }
            Optional<SigningKeys> signing = keys.computeIfAbsent(due.webhookId(), endpoints::secrets);
            if (signing.isEmpty() || !claim(due)) {
                continue; // the endpoint was deleted meanwhile, or another sender took this delivery
            }
            Instant attempted = clock.instant();
            Attempt attempt = attempt(due, signing.get(), channel);
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

    private Attempt attempt(Due due, SigningKeys keys, Channel channel) {
        Outgoing outgoing;
        try {
            outgoing = signed(due, keys);
        } catch (IOException e) {
            return new Attempt(false, null, "OAuth token: " + AttemptErrors.of(e));
        }
        return channel.deliver(outgoing);
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
     * The call with the headers of the endpoint's auth (docs/protocol.md §8.3, {@link #authenticate});
     * every live secret of the endpoint signs {@code Passerelle-Signature}. An OAuth provider's token
     * that cannot be had is an {@link IOException}.
     */
    private Outgoing signed(Due due, SigningKeys keys) throws IOException {
        String body = body(due);
        Instant now = clock.instant();
        URI uri = URI.create(due.url());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", JSON_UTF8.toString());
        headers.put("User-Agent", "Passerelle");
        headers.put(EVENT_HEADER, due.event());
        headers.put(WebhookSignature.TIMESTAMPED_HEADER, WebhookSignature.timestamped(keys.secrets(), now.getEpochSecond(), body));
        authenticate(headers, keys, uri, now, body);
        return new Outgoing(due.id(), due.event(), uri, headers, body);
    }

    /**
     * Adds the headers of the endpoint's auth (§8.3): its auth provider's when it has one (the
     * provider's key signs {@code BI-Signature}; an OAuth provider's token is the bearer), else its
     * own: the secret being rotated out, if any, signs {@code BI-Signature} or is the bearer, as
     * receivers already hold it.
     */
    private void authenticate(Map<String, String> headers, SigningKeys keys, URI uri, Instant now, String body) throws IOException {
        Optional<Credentials> provider = Optional.ofNullable(keys.authProvider()).flatMap(providers::credentials);
        if (provider.isPresent()) {
            switch (provider.get()) {
                case Credentials.HmacKey key -> signBi(headers, key.secretKey(), uri, now, body);
                case Credentials.OAuthClient client -> headers.put("Authorization", "Bearer " + oauthToken(client));
            }
            return;
        }
        String secret = keys.secrets().getFirst();
        switch (keys.auth()) {
            case HMAC -> signBi(headers, secret, uri, now, body);
            case BEARER -> headers.put("Authorization", "Bearer " + secret);
        }
    }

    private static void signBi(Map<String, String> headers, String secret, URI uri, Instant now, String body) {
        String date = DateTimeFormatter.ISO_INSTANT.format(now);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        headers.put(WebhookSignature.DATE_HEADER, date);
        headers.put(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret, "POST", path, date, body));
    }

    /**
     * A token from the provider's authorisation server (RFC 6749 §4.4, client authenticated with
     * HTTP Basic, §2.3.1), reused until shortly before it expires. The token endpoint is reached
     * through the same address checks as the endpoints.
     */
    private String oauthToken(Credentials.OAuthClient client) throws IOException {
        TokenKey key = new TokenKey(client.providerId(), client.url(), client.clientId());
        Instant now = clock.instant();
        OAuthToken cached = oauthTokens.get(key);
        if (cached != null && now.isBefore(cached.renewAt())) {
            return cached.value();
        }
        HttpPost post = new HttpPost(URI.create(client.url()));
        post.setConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(timings.timeout())).setRedirectsEnabled(false)
                .build());
        post.setHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                (form(client.clientId()) + ":" + form(client.clientSecret())).getBytes(StandardCharsets.UTF_8)));
        post.setHeader("Accept", "application/json");
        List<NameValuePair> fields = new ArrayList<>(List.of(new BasicNameValuePair("grant_type", "client_credentials")));
        Optional.ofNullable(client.scope()).ifPresent(scope -> fields.add(new BasicNameValuePair("scope", scope)));
        post.setEntity(new UrlEncodedFormEntity(fields, StandardCharsets.UTF_8));
        OAuthToken token = http.execute(post, response -> {
            if (response.getCode() / 100 != 2) {
                throw new TokenRefused(AttemptErrors.httpStatus(response.getCode()));
            }
            JsonNode answer = json.readTree(EntityUtils.toByteArray(response.getEntity(), MAX_TOKEN_ANSWER));
            if (!answer.path("access_token").isString()) {
                throw new TokenRefused("no access_token in the answer");
            }
            long lifetime = answer.path("expires_in").canConvertToLong() ? answer.path("expires_in").asLong() : 3600;
            return new OAuthToken(answer.path("access_token").asString(),
                    now.plusSeconds(Math.max(0, lifetime - TOKEN_MARGIN.toSeconds())));
        });
        oauthTokens.put(key, token);
        return token.value();
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The token endpoint refused, or answered something else than a token. */
    static final class TokenRefused extends IOException {
        TokenRefused(String message) {
            super(message);
        }
    }

    private record TokenKey(long providerId, String url, String clientId) {
    }

    private record OAuthToken(String value, Instant renewAt) {
        @Override
        public String toString() {
            return "OAuthToken[until " + renewAt + "]"; // never the token
        }
    }

    private Attempt post(Outgoing outgoing) {
        HttpPost request = new HttpPost(outgoing.url());
        request.setConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(timings.timeout())).setRedirectsEnabled(false)
                .build());
        request.setEntity(new StringEntity(outgoing.body(), JSON_UTF8)); // its Content-Type is the headers' one
        outgoing.headers().forEach((name, value) -> {
            if (!name.equals("Content-Type")) {
                request.setHeader(name, value);
            }
        });
        try {
            int status = http.execute(request, HttpResponse::getCode);
            return status / 100 == 2 ? new Attempt(true, status, null)
                    : new Attempt(false, status, AttemptErrors.httpStatus(status));
        } catch (IOException e) {
            return new Attempt(false, null, AttemptErrors.of(e));
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
        Instant holdUntil = clock.instant().plus(timings.timeout().multipliedBy(2));
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
        boolean givingUp = !now.isBefore(due.since().plus(timings.giveUpAfter()));
        if (givingUp) {
            log.warn("Webhook delivery {} to endpoint {} dropped after {} attempts: {}", due.id(), due.webhookId(),
                    attempts, error);
        }
        jdbc.sql("UPDATE webhook_delivery SET next_attempt = :next, last_error = :error WHERE id = :id")
                .param("next", givingUp ? null : utc(now.plus(timings.retryAfter(attempts))))
                .param("error", error).param("id", due.id())
                .update();
    }

    /**
     * Delivered and dropped deliveries are kept a while for support, then forgotten. A listener
     * endpoint no CLI came back to for as long as a delivery is retried goes with what waits for it.
     */
    private void purgeFinished() {
        jdbc.sql("DELETE FROM webhook_delivery WHERE next_attempt IS NULL AND COALESCE(replayed, created) < :cutoff")
                .param("cutoff", utc(clock.instant().minus(timings.keepFinished()))).update();
        jdbc.sql("DELETE FROM webhook WHERE listener AND listened_until < :cutoff")
                .param("cutoff", utc(clock.instant().minus(timings.giveUpAfter()))).update();
    }

}
