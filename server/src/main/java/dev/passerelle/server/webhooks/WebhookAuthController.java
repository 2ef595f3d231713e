package dev.passerelle.server.webhooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.passerelle.server.api.ApiError;
import dev.passerelle.server.api.BodyParams;
import dev.passerelle.server.api.FlatObject;
import dev.passerelle.server.api.NoStore;
import dev.passerelle.server.audit.ChangedBy;
import dev.passerelle.server.auth.Caller;
import dev.passerelle.server.webhooks.WebhookAuthProviders.Provider;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code /webhooks/auth} with the config token (docs/protocol.md §8.3): the authentication providers
 * webhook endpoints refer to with {@code id_auth}. {@code POST} creates one (201; an
 * {@code hmac_signature} provider's {@code config.secret_key} is shown this once), {@code PUT} or
 * {@code POST /webhooks/auth/{id}} renames it or changes its OAuth client, {@code DELETE} removes
 * one or all (409 while an endpoint uses it).
 */
@Tag(name = "Webhooks")
@RestController
class WebhookAuthController {

    private final WebhookAuthProviders providers;
    private final ObjectMapper json;

    WebhookAuthController(WebhookAuthProviders providers, ObjectMapper json) {
        this.providers = providers;
        this.json = json;
    }

    /** An {@code AuthProvider}; its config never holds a secret, but for the key shown at creation. */
    record AuthProviderView(long id, String name, String type, @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, String> config,
                        Instant created) {

        static AuthProviderView of(Provider provider, String secretKey) {
            Map<String, String> config = new LinkedHashMap<>(provider.config());
            if (secretKey != null) {
                config.put("secret_key", secretKey);
            }
            return new AuthProviderView(provider.id(), provider.name(), provider.type().wire(), config, provider.created());
        }

        @Override
        public String toString() {
            return "AuthProviderView[" + id + " " + type + "]"; // never the key
        }
    }

    record AuthProviderList(List<AuthProviderView> authproviders, int total) {
    }

    @Operation(summary = "List the webhook authentication providers", description = "With the config token.")
    @GetMapping("/webhooks/auth")
    AuthProviderList list(Caller.Admin caller) {
        List<AuthProviderView> all = providers.all().stream().map(p -> AuthProviderView.of(p, null)).toList();
        return new AuthProviderList(all, all.size());
    }

    @Operation(summary = "Get a webhook authentication provider")
    @GetMapping("/webhooks/auth/{id}")
    AuthProviderView get(Caller.Admin caller, @PathVariable long id) {
        return AuthProviderView.of(providers.find(id).orElseThrow(() -> WebhookAuthProviders.notFound(id)), null);
    }

    /** {@code type} ({@code hmac_signature} or {@code oauth}), {@code name}, and an oauth provider's {@code config}. */
    @Operation(summary = "Create a webhook authentication provider", description = "type hmac_signature (its key is in the "
            + "answer, shown this once) or oauth (config: the OAuth client).")
    @ApiResponse(responseCode = "201", description = "Created")
    @NoStore
    @PostMapping("/webhooks/auth")
    ResponseEntity<AuthProviderView> create(Caller.Admin caller, BodyParams body) {
        WebhookAuthProviders.Type type = WebhookAuthProviders.Type.parse(body.require("type"));
        WebhookAuthProviders.Created created = providers.create(body.require("name"), type, config(body),
                ChangedBy.CONFIG_TOKEN);
        return ResponseEntity.status(HttpStatus.CREATED).body(AuthProviderView.of(created.provider(), created.secretKey()));
    }

    @Operation(summary = "Rename a webhook authentication provider or change its OAuth client")
    @RequestMapping(path = "/webhooks/auth/{id}", method = {RequestMethod.PUT, RequestMethod.POST})
    AuthProviderView update(Caller.Admin caller, @PathVariable long id, BodyParams body) {
        body.string("type").ifPresent(type -> {
            if (providers.find(id).filter(p -> p.type().wire().equals(type.strip())).isEmpty()) {
                throw ApiError.INVALID_VALUE.exception("A provider's type cannot change; create another provider");
            }
        });
        Map<String, String> config = config(body);
        if (body.string("name").isEmpty() && config.isEmpty()) {
            throw ApiError.MISSING_PARAMETER.exception("Give 'name' or the 'config' to change");
        }
        return AuthProviderView.of(providers.update(id, body.string("name").orElse(null), config, ChangedBy.CONFIG_TOKEN), null);
    }

    @Operation(summary = "Delete a webhook authentication provider", description = "409 while an endpoint uses it.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @DeleteMapping("/webhooks/auth/{id}")
    ResponseEntity<Void> delete(Caller.Admin caller, @PathVariable long id) {
        providers.delete(id, ChangedBy.CONFIG_TOKEN);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Delete every webhook authentication provider", description = "409 while an endpoint uses one.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @DeleteMapping("/webhooks/auth")
    ResponseEntity<Void> deleteAll(Caller.Admin caller) {
        providers.deleteAll(ChangedBy.CONFIG_TOKEN);
        return ResponseEntity.noContent().build();
    }

    /** {@code config} as a JSON object, or, in form bodies, its keys at the top level. */
    private Map<String, String> config(BodyParams body) {
        Map<String, String> config = new LinkedHashMap<>(body.json("config")
                .map(raw -> FlatObject.parse("config", raw, json)).orElse(Map.of()));
        WebhookAuthProviders.OAUTH_KEYS.forEach(key -> body.string(key).ifPresent(value -> config.put(key, value)));
        return config;
    }
}
