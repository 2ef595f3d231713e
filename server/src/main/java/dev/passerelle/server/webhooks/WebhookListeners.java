package dev.passerelle.server.webhooks;

import static dev.passerelle.server.config.DbTime.utc;

import dev.passerelle.server.api.ApiError;
import dev.passerelle.server.api.NoStore;
import dev.passerelle.server.auth.Caller;
import dev.passerelle.server.webhooks.WebhookEndpoints.Registered;
import dev.passerelle.server.webhooks.WebhookSender.Attempt;
import dev.passerelle.server.webhooks.WebhookSender.Outgoing;
import dev.passerelle.server.webhooks.WebhooksController.WebhookView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code GET /webhooks/listen} (config token): webhooks for a developer machine the server may not
 * reach, as Stripe's {@code stripe listen} (docs/webhooks.md, "Receiving webhooks on a developer
 * machine"). The call opens a Server-Sent-Events stream for the client application's <em>listener
 * endpoint</em> forwarding to {@code url}, created on first use. The stream's first event
 * ({@code ready}) is the endpoint with its secret; then each of its deliveries comes as one
 * {@code delivery} event carrying the very call the sender signed (URL, headers, body), which the
 * CLI posts to {@code url} unchanged, so the local app checks the signatures as in production.
 * <p>
 * The server never posts to a listener endpoint: the instance holding the stream hands its due
 * deliveries over, through the sender's {@link WebhookSender.Channel}, every second, and renews a
 * lease ({@code webhook.listened_until}) by which every instance knows to queue events for it.
 * Deliveries are claimed as the sender claims them, so several instances, or two CLIs listening
 * at once, never get the same one twice. A comment line every 15 s keeps proxies from closing an
 * idle stream and finds the streams whose CLI went away.
 */
@Tag(name = "Webhooks")
@RestController
class WebhookListeners implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookListeners.class);

    /** How often deliveries are handed over and leases renewed. */
    private static final Duration TICK = Duration.ofSeconds(1);
    /** How long a stream vouches for its endpoint: instances queue events for it until then. */
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);

    /** One {@code delivery} event: the call as the sender signed it. */
    record StreamedDelivery(long idWebhookData, long idWebhook, String event, String url,
                            Map<String, List<String>> headers, String body) {
    }

    private final WebhookEndpoints endpoints;
    private final WebhookSender sender;
    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final Map<Long, List<SseEmitter>> streams = new ConcurrentHashMap<>();
    private ScheduledExecutorService ticker;
    private Instant lastHeartbeat = Instant.EPOCH;

    WebhookListeners(WebhookEndpoints endpoints, WebhookSender sender, JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.endpoints = endpoints;
        this.sender = sender;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /**
     * {@code id_client} and {@code url} (the local app) name the listener endpoint; {@code events}
     * (comma list, default every event) and {@code auth} ({@code hmac} by default, or {@code bearer})
     * are set on it at each call.
     */
    @Operation(summary = "Receive an endpoint's deliveries as a stream",
            description = "Server-sent events: ready (the endpoint, with its secret), then one delivery per call as the "
                    + "sender signed it ({id_webhook_data, id_webhook, event, url, headers, body}); what passerelle webhooks "
                    + "listen forwards to a local app.")
    @ApiResponse(responseCode = "200", description = "The event stream",
            content = @Content(mediaType = "text/event-stream", schema = @Schema(type = "string")))
    @NoStore
    @GetMapping("/webhooks/listen")
    SseEmitter listen(Caller caller, @RequestParam(name = "id_client", required = false) Long clientId,
                      @RequestParam(required = false) String url, @RequestParam(required = false) String events,
                      @Parameter(schema = @Schema(implementation = WebhookAuth.class)) @RequestParam(required = false) String auth)
            throws IOException {
        WebhooksController.requireConfigToken(caller);
        if (clientId == null || url == null || url.isBlank()) {
            throw ApiError.MISSING_PARAMETER.exception("Missing parameter '" + (clientId == null ? "id_client" : "url") + "'");
        }
        Set<WebhookEvent> subscribed = events == null || events.isBlank()
                ? EnumSet.allOf(WebhookEvent.class) : WebhooksController.events(events, json);
        Registered endpoint = endpoints.listener(clientId, url, subscribed,
                auth == null ? WebhookAuth.HMAC : WebhooksController.auth(auth), clock.instant().plus(LEASE));
        long id = endpoint.webhook().id();
        SseEmitter stream = new SseEmitter(0L); // no timeout: the heartbeat finds dead streams
        stream.send(SseEmitter.event().name("ready").data(WebhookView.of(endpoint.webhook(), endpoint.secret()),
                MediaType.APPLICATION_JSON));
        stream.onCompletion(() -> close(id, stream));
        stream.onError(error -> close(id, stream));
        streams.computeIfAbsent(id, key -> new CopyOnWriteArrayList<>()).add(stream);
        return stream;
    }

    private void tick() {
        for (Long id : streams.keySet()) {
            try {
                renew(id);
                sender.sendDue(id, outgoing -> push(id, outgoing));
            } catch (RuntimeException e) {
                log.warn("Could not hand the deliveries of listener endpoint {} over", id, e);
            }
        }
        Instant now = clock.instant();
        if (!now.isBefore(lastHeartbeat.plus(HEARTBEAT))) {
            lastHeartbeat = now;
            streams.forEach((id, list) -> list.forEach(stream -> send(id, stream, SseEmitter.event().comment("keep-alive"))));
        }
    }

    /** Gives the call to the endpoint's first live stream; a stream that cannot be written to is dropped. */
    private Attempt push(long id, Outgoing outgoing) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        outgoing.headers().forEach((name, value) -> headers.put(name, List.of(value)));
        StreamedDelivery delivery = new StreamedDelivery(outgoing.deliveryId(), id, outgoing.event(),
                outgoing.url().toString(), headers, outgoing.body());
        for (SseEmitter stream : streams.getOrDefault(id, List.of())) {
            if (send(id, stream, SseEmitter.event().name("delivery").id(Long.toString(outgoing.deliveryId()))
                    .data(delivery, MediaType.APPLICATION_JSON))) {
                return new Attempt(true, null, null);
            }
        }
        return new Attempt(false, null, "no listener connected");
    }

    private boolean send(long id, SseEmitter stream, SseEmitter.SseEventBuilder event) {
        try {
            stream.send(event);
            return true;
        } catch (IOException | IllegalStateException gone) {
            // The CLI went away: Spring MVC ends the request itself (ApiErrorHandler.clientGone).
            close(id, stream);
            return false;
        }
    }

    private void renew(long id) {
        jdbc.sql("UPDATE webhook SET listened_until = :until WHERE id = :id AND listener")
                .param("until", utc(clock.instant().plus(LEASE))).param("id", id).update();
    }

    /** Forgets a stream; once the endpoint has none here, its lease ends now: no CLI, no events queued. */
    private void close(long id, SseEmitter stream) {
        boolean last = streams.computeIfPresent(id, (key, list) -> {
            list.remove(stream);
            return list.isEmpty() ? null : list;
        }) == null;
        if (last) {
            jdbc.sql("UPDATE webhook SET listened_until = :now WHERE id = :id AND listened_until > :now")
                    .param("now", utc(clock.instant())).param("id", id).update();
        }
    }

    @Override
    public synchronized void start() {
        ticker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("webhook-listeners").daemon().factory());
        ticker.scheduleWithFixedDelay(this::tick, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Ends the streams first: a graceful shutdown would otherwise wait for them as for running requests. */
    @Override
    public synchronized void stop() {
        ticker.shutdownNow();
        ticker = null;
        streams.forEach((id, list) -> list.forEach(SseEmitter::complete));
    }

    @Override
    public synchronized boolean isRunning() {
        return ticker != null;
    }
}
