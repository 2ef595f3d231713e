package dev.passerelle.client;

import dev.passerelle.client.model.Webhook;
import dev.passerelle.client.model.WebhookDelivery;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Webhook endpoints with the config token (docs/webhooks.md): registration, secrets, the delivery
 * log and replay, test events, and the stream {@code passerelle webhooks listen} reads. To check the
 * calls an endpoint receives, see {@link dev.passerelle.client.webhooks.WebhookVerifier}.
 */
public final class WebhookService {

    private final Transport transport;

    WebhookService(Transport transport) {
        this.transport = transport;
    }

    /**
     * Registers an endpoint for the users of client application {@code clientId}; the answer carries
     * its secret, shown this once. {@code auth} is {@code hmac} ({@code BI-Signature} headers) or
     * {@code bearer}.
     */
    public Webhook register(long clientId, String url, List<String> events, String auth) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", url);
        body.put("events", String.join(",", events));
        body.put("id_client", clientId);
        body.put("auth", auth);
        return transport.call("POST", "/webhooks", null, body, Webhook.class);
    }

    public List<Webhook> list() {
        return transport.list("GET", "/webhooks", null, null, "webhooks", Webhook.class);
    }

    /** Deletes the endpoint with its pending deliveries. */
    public void delete(long id) {
        transport.call("DELETE", "/webhooks/" + id, null, null);
    }

    /** A new secret (in the answer, once); the current one keeps signing for {@code overlap}. */
    public Webhook rotateSecret(long id, Duration overlap) {
        return transport.call("POST", "/webhooks/" + id + "/secrets", null,
                Map.of("previous_expires_in", overlap.toSeconds()), Webhook.class);
    }

    /** Stops signing with the secret being rotated out. */
    public void retirePreviousSecret(long id) {
        transport.call("DELETE", "/webhooks/" + id + "/secrets/previous", null, null);
    }

    /** The endpoint's deliveries, newest first. */
    public List<WebhookDelivery> deliveries(long id, int limit) {
        return transport.list("GET", "/webhooks/" + id + "/deliveries", Query.of().add("limit", limit), null,
                "deliveries", WebhookDelivery.class);
    }

    public WebhookDelivery delivery(long deliveryId) {
        return transport.get("/webhooks/deliveries/" + deliveryId, null, WebhookDelivery.class);
    }

    /** Sends the delivery again, same body and {@code id_webhook_data}, at the sender's next run. */
    public WebhookDelivery replay(long deliveryId) {
        return transport.call("POST", "/webhooks/deliveries/" + deliveryId + "/replay", null, null, WebhookDelivery.class);
    }

    /** Queues a call of {@code event} with a sample body for the endpoint (docs/webhooks.md, "Test events"). */
    public WebhookDelivery sendTestEvent(long id, String event) {
        return transport.call("POST", "/webhooks/" + id + "/test", null, Map.of("event", event), WebhookDelivery.class);
    }

    /**
     * Opens the stream of the client's listener endpoint forwarding to {@code url} (docs/webhooks.md,
     * "Receiving webhooks on a developer machine"); {@code events} empty for every event.
     */
    public WebhookStream listen(long clientId, String url, List<String> events, String auth) {
        Query query = Query.of().add("id_client", clientId).add("url", url)
                .add("events", events.isEmpty() ? null : String.join(",", events)).add("auth", auth);
        return new WebhookStream(transport.stream("/webhooks/listen", query), transport.maxBodySize());
    }
}
