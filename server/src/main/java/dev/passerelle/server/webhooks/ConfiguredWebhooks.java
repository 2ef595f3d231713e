package dev.passerelle.server.webhooks;

import dev.passerelle.server.api.ApiException;
import dev.passerelle.server.webhooks.WebhooksProperties.ConfiguredEndpoint;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Seeds the endpoints of {@code passerelle.webhooks.endpoints} at each start, after the client
 * applications are (the demo client is seeded the same way). An endpoint is known by its client and
 * URL: a restart updates its events, auth and secret in place, never adds a second one. A
 * configuration naming an unknown client, an unknown event or a bad URL stops the start.
 */
@Component
class ConfiguredWebhooks {

    private static final Logger log = LoggerFactory.getLogger(ConfiguredWebhooks.class);

    private final WebhookEndpoints endpoints;
    private final WebhooksProperties properties;

    ConfiguredWebhooks(WebhookEndpoints endpoints, WebhooksProperties properties) {
        this.endpoints = endpoints;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE)
    void onReady() {
        for (int i = 0; i < properties.endpoints().size(); i++) {
            seed("passerelle.webhooks.endpoints[" + i + "]", properties.endpoints().get(i));
        }
    }

    private void seed(String key, ConfiguredEndpoint endpoint) {
        if (endpoint.clientId() == null || endpoint.url() == null || endpoint.events() == null
                || endpoint.secret() == null || endpoint.secret().isBlank()) {
            throw new IllegalStateException(key + " needs client-id, url, events and secret");
        }
        try {
            Set<WebhookEvent> events = WebhookEvent.parse(endpoint.events());
            WebhookAuth auth = endpoint.auth() == null ? WebhookAuth.HMAC : WebhookAuth.parse(endpoint.auth());
            Webhook hook = endpoints.configure(endpoint.clientId(), endpoint.url(), events, auth, endpoint.secret());
            log.info("Webhook {} from {}: {} {} for client {}", hook.id(), key, hook.url(), hook.events(), hook.clientId());
        } catch (ApiException e) {
            throw new IllegalStateException(key + ": " + e.description(), e);
        } catch (IllegalArgumentException unknown) {
            throw new IllegalStateException(key + ": unknown event or auth '" + unknown.getMessage() + "'", unknown);
        }
    }
}
