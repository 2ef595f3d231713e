package dev.passerelle.server.webhooks;

import dev.passerelle.server.api.ApiError;
import dev.passerelle.server.api.BodyParams;
import dev.passerelle.server.auth.Caller;
import dev.passerelle.server.webhooks.WebhookDeliveryLog.Delivery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code POST /webhooks/{id}/test} (config token) with {@code event}: queues one call of that event
 * for the endpoint, with a sample body in the event's shape (docs/webhooks.md), so that an
 * integrator sees a signed call arrive without making one happen; Stripe's {@code trigger} and
 * Powens' legacy {@code POST /test/webhooks} serve the same purpose. The answer is the delivery
 * (202), sent at the sender's next run (at once to a listener) and logged like any other. The
 * console's "Send a test event" goes through {@link #send}.
 */
@Tag(name = "Webhooks")
@RestController
class WebhookTestEvents {

    private static final String SAMPLES = "/webhooks/test-events.json";

    private final WebhookEndpoints endpoints;
    private final WebhookOutbox outbox;
    private final WebhookDeliveryLog deliveries;
    private final ObjectMapper json;
    private final JsonNode samples;

    WebhookTestEvents(WebhookEndpoints endpoints, WebhookOutbox outbox, WebhookDeliveryLog deliveries, ObjectMapper json) {
        this.endpoints = endpoints;
        this.outbox = outbox;
        this.deliveries = deliveries;
        this.json = json;
        try (InputStream in = WebhookTestEvents.class.getResourceAsStream(SAMPLES)) {
            this.samples = json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Operation(summary = "Send a test event to an endpoint", description = "A sample body in the event's shape (docs/webhooks.md).",
            requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(requiredProperties = "event"),
                    schemaProperties = @SchemaProperty(name = "event", schema = @Schema(implementation = WebhookEvent.class)))))
    @ApiResponse(responseCode = "202", description = "The delivery, queued")
    @PostMapping("/webhooks/{id}/test")
    ResponseEntity<Delivery> test(Caller caller, @PathVariable long id, BodyParams body) {
        WebhooksController.requireConfigToken(caller);
        Webhook hook = endpoints.find(id).orElseThrow(() -> WebhookEndpoints.notFound(id));
        Set<WebhookEvent> events = WebhooksController.events(body.requireJson("event"), json);
        if (events.size() != 1) {
            throw ApiError.INVALID_VALUE.exception("'event' names one event");
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(send(hook, events.iterator().next()));
    }

    /** Queues one call of {@code event} with its sample body for {@code hook}; the delivery as logged. */
    Delivery send(Webhook hook, WebhookEvent event) {
        long delivery = outbox.enqueueTest(hook, event, samples.required(event.name()));
        return deliveries.find(delivery).orElseThrow();
    }
}
