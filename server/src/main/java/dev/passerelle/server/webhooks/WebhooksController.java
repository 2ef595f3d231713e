package dev.passerelle.server.webhooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.passerelle.server.api.ApiError;
import dev.passerelle.server.api.ApiException;
import dev.passerelle.server.api.BodyParams;
import dev.passerelle.server.api.NoStore;
import dev.passerelle.server.api.Paging;
import dev.passerelle.server.audit.ChangedBy;
import dev.passerelle.server.auth.Caller;
import dev.passerelle.server.webhooks.WebhookDeliveryLog.Attempt;
import dev.passerelle.server.webhooks.WebhookDeliveryLog.Delivery;
import dev.passerelle.server.webhooks.WebhookEndpoints.Registered;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.NonNull;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code /webhooks} with the config token: registers an endpoint for a client application's users,
 * lists and deletes them, rotates their secret, lists their deliveries and replays one
 * (docs/protocol.md §8.1, where Powens registers them in its console and keeps per-webhook logs; the
 * secret of docs/protocol.md §8.3 comes with each endpoint instead of a separate auth provider).
 */
@Tag(name = "Webhooks", description = "Endpoints that receive events, their deliveries and secrets; with the config token.")
@RestController
class WebhooksController {

    /** The longest {@code events} list accepted: every event name, with room for spaces and quotes. */
    private static final int MAX_EVENTS_LENGTH = 1000;
    private static final int MAX_AUTH_LENGTH = 20;

    private final WebhookEndpoints endpoints;
    private final WebhookChanges changes;
    private final WebhookDeliveryLog deliveries;
    private final WebhooksProperties properties;
    private final ObjectMapper json;

    WebhooksController(WebhookEndpoints endpoints, WebhookChanges changes, WebhookDeliveryLog deliveries,
                       WebhooksProperties properties, ObjectMapper json) {
        this.endpoints = endpoints;
        this.changes = changes;
        this.deliveries = deliveries;
        this.properties = properties;
        this.json = json;
    }

    /** An endpoint on the wire; {@code secret} only in the answer to its registration or to a rotation, absent elsewhere. */
    record WebhookView(long id, @NonNull String url, @ArraySchema(schema = @Schema(implementation = WebhookEvent.class)) @NonNull List<String> events,
                       long idClient, @Schema(implementation = WebhookAuth.class) @NonNull String auth, Long idAuth, @NonNull Instant created,
                       Instant previousSecretExpires, boolean listener, boolean listening,
                       @Schema(description = "Only in the answer to a registration or a rotation: shown once")
                       @JsonInclude(JsonInclude.Include.NON_NULL) String secret) {

        static WebhookView of(Webhook hook, String secret) {
            return new WebhookView(hook.id(), hook.url(), hook.events().stream().map(Enum::name).toList(),
                    hook.clientId(), hook.auth().wire(), hook.authProvider(), hook.created(), hook.previousSecretExpires(),
                    hook.listener(), hook.listening(), secret);
        }

        @Override
        public String toString() {
            return "WebhookView[" + id + " " + url + "]"; // never the secret
        }
    }

    record WebhookList(@NonNull List<WebhookView> webhooks, int total) {
    }

    record DeliveryList(@NonNull List<Delivery> deliveries, int total) {
    }

    /**
     * A delivery with every attempt, oldest first: {@code attempt_log}, as the delivery's own
     * {@code attempts} is the count since its last replay (docs/webhooks.md "Delivery log and replay").
     */
    record DeliveryDetail(@JsonUnwrapped Delivery delivery, @NonNull List<Attempt> attemptLog) {
    }

    /**
     * {@code url}, {@code events} (comma list or JSON array), {@code id_client}, {@code auth}
     * ({@code hmac}, the default, or {@code bearer}), {@code id_auth} (an auth provider of
     * {@code /webhooks/auth} that authenticates the calls instead); 201 with the secret, shown once.
     */
    @Operation(summary = "Register an endpoint", description = "For the users of a client application; its secret is shown once.",
            requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(requiredProperties = {"url", "events", "id_client"}),
                    schemaProperties = {
                            @SchemaProperty(name = "url", schema = @Schema(type = "string", format = "uri")),
                            @SchemaProperty(name = "events", schema = @Schema(type = "string",
                                    description = "Comma list or JSON array of events", example = "CONNECTION_SYNCED,ACCOUNT_SYNCED")),
                            @SchemaProperty(name = "id_client", schema = @Schema(type = "integer", format = "int64")),
                            @SchemaProperty(name = "auth", schema = @Schema(implementation = WebhookAuth.class))})))
    @ApiResponse(responseCode = "201", description = "Registered, with its secret")
    @NoStore
    @PostMapping("/webhooks")
    ResponseEntity<WebhookView> register(Caller caller, BodyParams body) {
        requireConfigToken(caller);
        String url = body.require("url");
        long clientId = body.number("id_client")
                .orElseThrow(() -> ApiError.MISSING_PARAMETER.exception("Missing parameter 'id_client'"));
        Registered registered = changes.register(clientId, url, events(body.requireJson("events"), json),
                body.string("auth").map(WebhooksController::auth).orElse(WebhookAuth.HMAC),
                body.number("id_auth").orElse(null), ChangedBy.CONFIG_TOKEN);
        return created(registered);
    }

    /**
     * Changes an endpoint: {@code events}, and {@code id_auth} (an auth provider, or empty for the
     * endpoint's own {@code auth} again). The URL and the client stay: register another endpoint.
     */
    @Operation(summary = "Change an endpoint", description = "Its events, and id_auth (an authentication provider, or "
            + "empty for the endpoint's own auth again).")
    @RequestMapping(path = "/webhooks/{id}", method = {RequestMethod.PUT, RequestMethod.POST})
    WebhookView update(Caller caller, @PathVariable long id, BodyParams body) {
        requireConfigToken(caller);
        Set<WebhookEvent> events = body.json("events").map(raw -> events(raw, json))
                .orElse(null);
        boolean changeProvider = body.has("id_auth");
        if (events == null && !changeProvider) {
            throw ApiError.MISSING_PARAMETER.exception("Give 'events' or 'id_auth' (empty for none)");
        }
        return WebhookView.of(changes.update(id, events, changeProvider, body.number("id_auth").orElse(null),
                ChangedBy.CONFIG_TOKEN), null);
    }

    /**
     * A new secret, shown once; the current one keeps signing next to it for
     * {@code previous_expires_in} seconds (default {@code passerelle.webhooks.rotation-overlap}, at
     * most {@link WebhooksProperties#MAX_ROTATION_OVERLAP}) or until
     * {@code DELETE /webhooks/{id}/secrets/previous}. 409 while a previous secret is live.
     */
    @Operation(summary = "Rotate an endpoint's secret", description = "The new secret is shown once; the current one keeps "
            + "signing next to it for previous_expires_in seconds. 409 while a previous secret is live.",
            requestBody = @RequestBody(content = @Content(schemaProperties =
                    @SchemaProperty(name = "previous_expires_in", schema = @Schema(type = "integer", minimum = "1")))))
    @ApiResponse(responseCode = "201", description = "Rotated, with the new secret")
    @NoStore
    @PostMapping("/webhooks/{id}/secrets")
    ResponseEntity<WebhookView> rotate(Caller caller, @PathVariable long id, BodyParams body) {
        requireConfigToken(caller);
        long maxSeconds = WebhooksProperties.MAX_ROTATION_OVERLAP.toSeconds();
        Duration overlap = body.number("previous_expires_in").map(seconds -> {
            if (seconds < 1 || seconds > maxSeconds) {
                throw ApiError.INVALID_VALUE.exception("'previous_expires_in' must be a number of seconds from 1 to "
                        + maxSeconds + " (" + WebhooksProperties.MAX_ROTATION_OVERLAP.toDays() + " days)");
            }
            return Duration.ofSeconds(seconds);
        }).orElse(properties.rotationOverlap());
        return created(changes.rotate(id, overlap, ChangedBy.CONFIG_TOKEN));
    }

    /** 204 once the secret being rotated out stops signing; 404 when there is none. */
    @Operation(summary = "Stop signing with the secret being rotated out")
    @ApiResponse(responseCode = "204", description = "Retired")
    @DeleteMapping("/webhooks/{id}/secrets/previous")
    ResponseEntity<Void> retirePrevious(Caller caller, @PathVariable long id) {
        requireConfigToken(caller);
        if (!changes.retirePrevious(id, ChangedBy.CONFIG_TOKEN)) {
            throw ApiError.NOT_FOUND.exception("Webhook " + id + " has no previous secret");
        }
        return ResponseEntity.noContent().build();
    }

    /** The deliveries of an endpoint, newest first: status, attempts, last answer and error. */
    @Operation(summary = "An endpoint's deliveries, newest first")
    @GetMapping("/webhooks/{id}/deliveries")
    DeliveryList deliveries(Caller caller, @PathVariable long id,
                            @Parameter(schema = @Schema(minimum = "1", maximum = "1000", defaultValue = "1000"))
                            @RequestParam(required = false) String limit) {
        requireConfigToken(caller);
        int max = Paging.parse(limit, null).limit();
        endpoints.find(id).orElseThrow(() -> WebhookEndpoints.notFound(id));
        List<Delivery> list = deliveries.ofWebhook(id, max);
        return new DeliveryList(list, list.size());
    }

    @Operation(summary = "A delivery with every attempt, oldest first")
    @GetMapping("/webhooks/deliveries/{id}")
    DeliveryDetail delivery(Caller caller, @PathVariable long id) {
        requireConfigToken(caller);
        return new DeliveryDetail(findDelivery(id), deliveries.attempts(id));
    }

    /** 202: the delivery is sent again at the sender's next run, with the same {@code id_webhook_data}. */
    @Operation(summary = "Send a delivery again", description = "At the sender's next run, with the same id_webhook_data.")
    @ApiResponse(responseCode = "202", description = "Queued")
    @PostMapping("/webhooks/deliveries/{id}/replay")
    ResponseEntity<Delivery> replay(Caller caller, @PathVariable long id) {
        requireConfigToken(caller);
        if (!deliveries.replay(id)) {
            throw deliveryNotFound(id);
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(findDelivery(id));
    }

    private Delivery findDelivery(long id) {
        return deliveries.find(id).orElseThrow(() -> deliveryNotFound(id));
    }

    private static ApiException deliveryNotFound(long id) {
        return ApiError.NOT_FOUND.exception("No webhook delivery " + id + " (finished ones are kept "
                + "passerelle.webhooks.keep-finished)");
    }

    private static ResponseEntity<WebhookView> created(Registered registered) {
        return ResponseEntity.status(HttpStatus.CREATED).body(WebhookView.of(registered.webhook(), registered.secret()));
    }

    /** {@code auth} of a request: {@code hmac} or {@code bearer}, else 400. */
    static WebhookAuth auth(String raw) {
        try {
            return WebhookAuth.parse(capped(raw, "auth", MAX_AUTH_LENGTH));
        } catch (IllegalArgumentException unknown) {
            throw ApiError.INVALID_VALUE.exception("'auth' must be 'hmac' or 'bearer'");
        }
    }

    @Operation(summary = "List the endpoints")
    @GetMapping("/webhooks")
    WebhookList list(Caller caller) {
        requireConfigToken(caller);
        List<WebhookView> all = endpoints.all().stream().map(hook -> WebhookView.of(hook, null)).toList();
        return new WebhookList(all, all.size());
    }

    /** 204 once deleted, with its pending deliveries. */
    @Operation(summary = "Delete an endpoint")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @DeleteMapping("/webhooks/{id}")
    ResponseEntity<Void> delete(Caller caller, @PathVariable long id) {
        requireConfigToken(caller);
        if (!changes.delete(id, ChangedBy.CONFIG_TOKEN)) {
            throw WebhookEndpoints.notFound(id);
        }
        return ResponseEntity.noContent().build();
    }

    /** {@code events} of a request: a comma list or a JSON array of event names, else 400. */
    static Set<WebhookEvent> events(String raw, ObjectMapper json) {
        capped(raw, "events", MAX_EVENTS_LENGTH);
        List<String> names = raw.strip().startsWith("[") ? arrayItems(raw, json) : Arrays.asList(raw.split(","));
        try {
            Set<WebhookEvent> events = WebhookEvent.parse(names.stream().filter(n -> !n.isBlank()).toList());
            if (events.isEmpty()) {
                throw ApiError.INVALID_VALUE.exception("'events' names no event");
            }
            return events;
        } catch (IllegalArgumentException unknown) {
            throw ApiError.INVALID_VALUE.exception("Unknown event '" + unknown.getMessage() + "'; known: "
                    + Arrays.toString(WebhookEvent.values()));
        }
    }

    private static List<String> arrayItems(String raw, ObjectMapper json) {
        try {
            JsonNode array = json.readTree(raw);
            if (array.isArray() && array.valueStream().allMatch(JsonNode::isString)) {
                return array.valueStream().map(JsonNode::asString).toList();
            }
        } catch (JacksonException malformed) {
            // reported below like any other array that is not of strings
        }
        throw ApiError.INVALID_VALUE.exception("'events' must be a comma list or a JSON array of event names");
    }

    /** {@code value}, or 400 when it is longer than {@code max}: it may be echoed in an error. */
    private static String capped(String value, String name, int max) {
        if (value.length() > max) {
            throw ApiError.INVALID_VALUE.exception("'" + name + "' is longer than " + max + " characters");
        }
        return value;
    }

    static void requireConfigToken(Caller caller) {
        if (!(caller instanceof Caller.Admin)) {
            throw ApiError.FORBIDDEN.exception("Webhooks are managed with the config token");
        }
    }
}
