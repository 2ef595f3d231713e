package dev.passerelle.server.webhooks;

import dev.passerelle.server.api.ApiError;
import dev.passerelle.server.api.ApiException;
import dev.passerelle.server.clients.ClientApplications;
import dev.passerelle.server.console.ConsoleController;
import dev.passerelle.server.console.Operator;
import dev.passerelle.server.webhooks.WebhookEndpoints.Registered;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.ObjectMapper;

/**
 * The console's webhooks: endpoints (register with the secret shown once, events, auth provider,
 * rotate, delete, send a test event), auth providers (an HMAC key shown once, or an OAuth client),
 * and the delivery log: each delivery's payload and attempts with their answers, and replay.
 */
@ConsoleController
class WebhookPages {

    static final int DELIVERIES = 100;

    private final WebhookEndpoints endpoints;
    private final WebhookChanges changes;
    private final WebhookAuthProviders providers;
    private final WebhookDeliveryLog deliveries;
    private final WebhooksProperties properties;
    private final ClientApplications clients;
    private final WebhookTestEvents testEvents;
    private final ObjectMapper json;

    WebhookPages(WebhookEndpoints endpoints, WebhookChanges changes, WebhookAuthProviders providers,
                 WebhookDeliveryLog deliveries, WebhooksProperties properties, ClientApplications clients,
                 WebhookTestEvents testEvents, ObjectMapper json) {
        this.endpoints = endpoints;
        this.changes = changes;
        this.providers = providers;
        this.deliveries = deliveries;
        this.properties = properties;
        this.clients = clients;
        this.testEvents = testEvents;
        this.json = json;
    }

    @GetMapping("/console/webhooks")
    String list(Operator operator, Model model) {
        model.addAttribute("webhooks", endpoints.all());
        model.addAttribute("providers", providers.all());
        model.addAttribute("clients", clients.list());
        model.addAttribute("events", WebhookEvent.values());
        return "console/webhooks";
    }

    @PostMapping("/console/webhooks")
    String register(Operator operator, @RequestParam(required = false) Long client, @RequestParam(defaultValue = "") String url,
                    @RequestParam(required = false) List<String> events, @RequestParam(defaultValue = "hmac") String auth,
                    @RequestParam(required = false) Long provider, HttpServletResponse response, Model model) {
        try {
            if (client == null) {
                throw ApiError.MISSING_PARAMETER.exception("Choose a client application");
            }
            Registered registered = changes.register(client, url, events(events), auth(auth), provider,
                    operator.changedBy());
            model.addAttribute("webhook", registered.webhook());
            model.addAttribute("secret", registered.secret());
            return "console/webhook-secret";
        } catch (ApiException refused) {
            return refused(operator, refused, response, model);
        }
    }

    @GetMapping("/console/webhooks/{id}")
    String webhook(Operator operator, @PathVariable long id, Model model) {
        model.addAttribute("webhook", endpoints.find(id).orElseThrow(() -> WebhookEndpoints.notFound(id)));
        model.addAttribute("deliveries", deliveries.ofWebhook(id, DELIVERIES));
        model.addAttribute("providers", providers.all());
        model.addAttribute("events", WebhookEvent.values());
        return "console/webhook";
    }

    @PostMapping("/console/webhooks/{id}")
    String update(Operator operator, @PathVariable long id, @RequestParam(required = false) List<String> events,
                  @RequestParam(required = false) Long provider) {
        changes.update(id, events(events), true, provider, operator.changedBy());
        return "redirect:/console/webhooks/" + id + "?saved";
    }

    /** "Send a test event": one call of the chosen event with its sample body; the page of the delivery. */
    @PostMapping("/console/webhooks/{id}/test")
    String sendTest(Operator operator, @PathVariable long id, @RequestParam(defaultValue = "") String event) {
        Webhook hook = endpoints.find(id).orElseThrow(() -> WebhookEndpoints.notFound(id));
        WebhookEvent chosen = events(List.of(event)).iterator().next();
        return "redirect:/console/webhooks/deliveries/" + testEvents.send(hook, chosen).id() + "?sent";
    }

    @PostMapping("/console/webhooks/{id}/secret")
    String rotate(Operator operator, @PathVariable long id, Model model) {
        Registered rotated = changes.rotate(id, properties.rotationOverlap(), operator.changedBy());
        model.addAttribute("webhook", rotated.webhook());
        model.addAttribute("secret", rotated.secret());
        return "console/webhook-secret";
    }

    @PostMapping("/console/webhooks/{id}/delete")
    String delete(Operator operator, @PathVariable long id) {
        if (!changes.delete(id, operator.changedBy())) {
            throw WebhookEndpoints.notFound(id);
        }
        return "redirect:/console/webhooks?deleted";
    }

    @GetMapping("/console/webhooks/deliveries/{id}")
    String delivery(Operator operator, @PathVariable long id, Model model) {
        WebhookDeliveryLog.Delivery delivery = deliveries.find(id)
                .orElseThrow(() -> ApiError.NOT_FOUND.exception("No webhook delivery " + id));
        model.addAttribute("delivery", delivery);
        model.addAttribute("payload", deliveries.payload(id).map(this::pretty).orElse(""));
        model.addAttribute("attempts", deliveries.attempts(id));
        return "console/webhook-delivery";
    }

    @PostMapping("/console/webhooks/deliveries/{id}/replay")
    String replay(Operator operator, @PathVariable long id) {
        if (!deliveries.replay(id)) {
            throw ApiError.NOT_FOUND.exception("No webhook delivery " + id);
        }
        return "redirect:/console/webhooks/deliveries/" + id + "?replayed";
    }

    @PostMapping("/console/webhooks/auth")
    String createProvider(Operator operator, @RequestParam(defaultValue = "") String type,
                          @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String url,
                          @RequestParam(name = "client_id", defaultValue = "") String clientId,
                          @RequestParam(name = "client_secret", defaultValue = "") String clientSecret,
                          @RequestParam(defaultValue = "") String scope, HttpServletResponse response, Model model) {
        try {
            WebhookAuthProviders.Type kind = WebhookAuthProviders.Type.parse(type);
            Map<String, String> config = new LinkedHashMap<>();
            if (kind == WebhookAuthProviders.Type.OAUTH) {
                config.put("url", url);
                config.put("client_id", clientId);
                config.put("client_secret", clientSecret);
                config.put("scope", scope);
                config.values().removeIf(String::isBlank);
            }
            WebhookAuthProviders.Created created = providers.create(name, kind, config, operator.changedBy());
            if (created.secretKey() == null) {
                return "redirect:/console/webhooks?saved";
            }
            model.addAttribute("provider", created.provider());
            model.addAttribute("secret", created.secretKey());
            return "console/webhook-secret";
        } catch (ApiException refused) {
            return refused(operator, refused, response, model);
        }
    }

    @PostMapping("/console/webhooks/auth/{id}/delete")
    String deleteProvider(Operator operator, @PathVariable long id, HttpServletResponse response, Model model) {
        try {
            providers.delete(id, operator.changedBy());
            return "redirect:/console/webhooks?saved";
        } catch (ApiException refused) {
            return refused(operator, refused, response, model);
        }
    }

    private Set<WebhookEvent> events(List<String> names) {
        if (names == null || names.isEmpty()) {
            throw ApiError.INVALID_VALUE.exception("Choose at least one event");
        }
        try {
            return WebhookEvent.parse(names);
        } catch (IllegalArgumentException unknown) {
            throw ApiError.INVALID_VALUE.exception("Unknown event '" + unknown.getMessage() + "'");
        }
    }

    private static WebhookAuth auth(String raw) {
        try {
            return WebhookAuth.parse(raw);
        } catch (IllegalArgumentException unknown) {
            throw ApiError.INVALID_VALUE.exception("The auth is hmac or bearer");
        }
    }

    private String pretty(String payload) {
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(payload));
    }

    private String refused(Operator operator, ApiException refused, HttpServletResponse response, Model model) {
        response.setStatus(refused.error().status().value() >= 500 ? HttpStatus.BAD_REQUEST.value()
                : refused.error().status().value());
        model.addAttribute("refusal", refused.description());
        return list(operator, model);
    }
}
