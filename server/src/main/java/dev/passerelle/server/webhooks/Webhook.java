package dev.passerelle.server.webhooks;

import java.time.Instant;
import java.util.Set;

/**
 * A registered endpoint. The secrets are not part of it: only the sender opens them.
 *
 * @param previousSecretExpires when the secret being rotated out stops signing; null when there is none
 * @param authProvider          the {@link WebhookAuthProviders} provider that authenticates its calls
 *                              instead of {@code auth}; null when none
 * @param listener              received through {@code GET /webhooks/listen}, never posted to ({@link WebhookListeners})
 * @param listening             a listener endpoint a CLI listens to now: events are queued for it
 */
record Webhook(long id, long clientId, String url, Set<WebhookEvent> events, WebhookAuth auth, Instant created,
               Instant previousSecretExpires, Long authProvider, boolean listener, boolean listening) {
}
