package dev.passerelle.server.webhooks;

import dev.passerelle.server.api.ApiError;
import dev.passerelle.server.api.BodyParams;
import dev.passerelle.server.auth.Caller;
import dev.passerelle.server.webhooks.WebhookEndpoints.Registered;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code /webhooks} with the config token: registers an endpoint for a client application's users,
 * lists and deletes them (PROTOCOL-NOTES §8.1, where Powens registers them in its console; the
 * HMAC secret of §8.3 comes with each endpoint instead of a separate auth provider).
 */
@RestController
class WebhooksController {

    private final WebhookEndpoints endpoints;
    private final ObjectMapper json;

    WebhooksController(WebhookEndpoints endpoints, ObjectMapper json) {
        this.endpoints = endpoints;
        this.json = json;
    }

    /** An endpoint on the wire; {@code secret} only in the answer to its registration. */
    record WebhookView(long id, String url, List<String> events, long idClient, Instant created, String secret) {

        static WebhookView of(Webhook hook, String secret) {
            return new WebhookView(hook.id(), hook.url(), hook.events().stream().map(Enum::name).toList(),
                    hook.clientId(), hook.created(), secret);
        }

        @Override
        public String toString() {
            return "WebhookView[" + id + " " + url + "]"; // never the secret
        }
    }

    record WebhookList(List<WebhookView> webhooks, int total) {
    }

    /** {@code url}, {@code events} (comma list or JSON array), {@code id_client}; 201 with the secret, shown once. */
    @PostMapping("/webhooks")
    ResponseEntity<WebhookView> register(Caller caller, BodyParams body) {
        requireConfigToken(caller);
        String url = body.require("url");
        long clientId = body.number("id_client")
                .orElseThrow(() -> ApiError.MISSING_PARAMETER.exception("Missing parameter 'id_client'"));
        Registered registered = endpoints.register(clientId, url, events(body.require("events")));
        return ResponseEntity.status(HttpStatus.CREATED).body(WebhookView.of(registered.webhook(), registered.secret()));
    }

    @GetMapping("/webhooks")
    WebhookList list(Caller caller) {
        requireConfigToken(caller);
        List<WebhookView> all = endpoints.all().stream().map(hook -> WebhookView.of(hook, null)).toList();
        return new WebhookList(all, all.size());
    }

    /** 204 once deleted, with its pending deliveries. */
    @DeleteMapping("/webhooks/{id}")
    ResponseEntity<Void> delete(Caller caller, @PathVariable long id) {
        requireConfigToken(caller);
        if (!endpoints.delete(id)) {
            throw ApiError.NOT_FOUND.exception("No webhook " + id);
        }
        return ResponseEntity.noContent().build();
    }

    private Set<WebhookEvent> events(String raw) {
        List<String> names = raw.strip().startsWith("[") ? arrayItems(raw) : Arrays.asList(raw.split(","));
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

    private List<String> arrayItems(String raw) {
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

    private static void requireConfigToken(Caller caller) {
        if (!(caller instanceof Caller.Admin)) {
            throw ApiError.FORBIDDEN.exception("Webhooks are managed with the config token");
        }
    }
}
