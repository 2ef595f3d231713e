package dev.passerelle.server.webhooks;

import dev.passerelle.server.audit.ChangedBy;
import dev.passerelle.server.audit.ConfigChanges;
import dev.passerelle.server.webhooks.WebhookEndpoints.Registered;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * The changes operators make to webhook endpoints, through the API and the console alike, each in
 * the audit log ({@code webhook.<id>}): what an endpoint receives and how it is authenticated, never
 * its secrets.
 */
@Component
class WebhookChanges {

    private final WebhookEndpoints endpoints;
    private final ConfigChanges changes;
    private final ObjectMapper json;

    WebhookChanges(WebhookEndpoints endpoints, ConfigChanges changes, ObjectMapper json) {
        this.endpoints = endpoints;
        this.changes = changes;
        this.json = json;
    }

    Registered register(long clientId, String url, Set<WebhookEvent> events, WebhookAuth auth, Long authProvider,
                        ChangedBy who) {
        return changes.apply(who, record -> {
            Registered registered = endpoints.register(clientId, url, events, auth, authProvider);
            record.changed(key(registered.webhook().id()), null, audit(registered.webhook()));
            return registered;
        });
    }

    /**
     * Changes what the endpoint receives ({@code events}, null keeps them) and, when
     * {@code changeProvider}, the provider that authenticates it ({@code authProvider}, null: none).
     */
    Webhook update(long id, Set<WebhookEvent> events, boolean changeProvider, Long authProvider, ChangedBy who) {
        return changes.apply(who, record -> {
            Webhook before = endpoints.find(id).orElseThrow(() -> WebhookEndpoints.notFound(id));
            if (events != null) {
                endpoints.changeEvents(id, events);
            }
            if (changeProvider) {
                endpoints.authenticateWith(id, authProvider);
            }
            Webhook after = endpoints.find(id).orElseThrow();
            record.changed(key(id), audit(before), audit(after));
            return after;
        });
    }

    Registered rotate(long id, Duration overlap, ChangedBy who) {
        return changes.apply(who, record -> {
            Registered rotated = endpoints.rotate(id, overlap);
            record.changed(key(id) + ".secret", "(previous secret, not shown)", "(new secret, not shown; the previous "
                    + "one signs until " + rotated.webhook().previousSecretExpires() + ")");
            return rotated;
        });
    }

    boolean retirePrevious(long id, ChangedBy who) {
        return changes.apply(who, record -> {
            boolean retired = endpoints.retirePrevious(id);
            if (retired) {
                record.changed(key(id) + ".secret", "(previous secret still signing)", "(previous secret retired)");
            }
            return retired;
        });
    }

    boolean delete(long id, ChangedBy who) {
        return changes.apply(who, record -> {
            boolean deleted = endpoints.find(id).map(hook -> {
                record.changed(key(id), audit(hook), null);
                return endpoints.delete(id);
            }).orElse(false);
            return deleted;
        });
    }

    private String audit(Webhook hook) {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("id_client", hook.clientId());
        shown.put("url", hook.url());
        shown.put("events", WebhookEvent.join(hook.events()));
        shown.put("auth", hook.auth().wire());
        shown.put("id_auth", hook.authProvider());
        return json.writeValueAsString(shown);
    }

    private static String key(long id) {
        return "webhook." + id;
    }
}
