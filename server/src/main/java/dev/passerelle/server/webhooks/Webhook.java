package dev.passerelle.server.webhooks;

import java.time.Instant;
import java.util.Set;

/** A registered endpoint. The secret is not part of it: only the sender opens it. */
record Webhook(long id, long clientId, String url, Set<WebhookEvent> events, Instant created) {
}
