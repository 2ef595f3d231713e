package dev.passerelle.server.webhooks;

import static dev.passerelle.server.config.DbTime.utc;

import dev.passerelle.runtime.host.SealedColumn;
import dev.passerelle.server.api.ApiError;
import dev.passerelle.server.api.FlatObject;
import dev.passerelle.server.audit.ChangedBy;
import dev.passerelle.server.audit.ConfigChanges;
import dev.passerelle.server.config.DbTime;
import dev.passerelle.server.crypto.AtRestCipher;
import dev.passerelle.server.crypto.Secrets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * Webhook authentication providers (docs/protocol.md §8.3 alternatives 2 and 3): an
 * {@code hmac_signature} provider holds a secret key, generated here and shown once, that signs
 * {@code BI-Signature} for every endpoint referring to it ({@code id_auth}); an {@code oauth}
 * provider holds an OAuth 2.0 client with which the sender fetches a token from the integrator's
 * authorisation server ({@code client_credentials}) and sends it as {@code Authorization: Bearer}.
 * The configuration is sealed at rest; secrets are never shown again nor logged.
 */
@Component
public class WebhookAuthProviders {

    /** The at-rest purpose of {@code webhook_auth_provider.config}. */
    static final String CONFIG = "webhook_auth_provider.config";
    static final Set<String> OAUTH_KEYS = Set.of("url", "client_id", "client_secret", "scope", "grant_type");
    private static final Set<String> SECRET_KEYS = Set.of("secret_key", "client_secret");
    private static final int MAX_NAME = 200;
    private static final int MAX_VALUE = 2000;

    /** The kinds of provider, by wire name. */
    public enum Type {
        HMAC_SIGNATURE, OAUTH;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Type parse(String raw) {
            return Arrays.stream(values()).filter(t -> t.wire().equals(raw.strip().toLowerCase(Locale.ROOT))).findFirst()
                    .orElseThrow(() -> ApiError.INVALID_VALUE.exception("'type' is hmac_signature or oauth"));
        }
    }

    /** A provider as it is shown: its configuration without secrets. */
    public record Provider(long id, String name, Type type, Map<String, String> config, Instant created) {
    }

    /** A provider just created, with its generated secret key in clear this one time (hmac_signature only). */
    public record Created(Provider provider, String secretKey) {
        @Override
        public String toString() {
            return "Created[" + provider.id() + "]"; // never the key
        }
    }

    /** What signs an endpoint's calls when it refers to a provider. */
    sealed interface Credentials {
        record HmacKey(String secretKey) implements Credentials {
            @Override
            public String toString() {
                return "HmacKey"; // never the key
            }
        }

        record OAuthClient(long providerId, String url, String clientId, String clientSecret, String scope)
                implements Credentials {
            @Override
            public String toString() {
                return "OAuthClient[" + providerId + " " + url + "]"; // never the secret
            }
        }
    }

    private final JdbcClient jdbc;
    private final AtRestCipher cipher;
    private final WebhookTargets targets;
    private final ConfigChanges changes;
    private final ObjectMapper json;
    private final Clock clock;

    WebhookAuthProviders(JdbcClient jdbc, AtRestCipher cipher, WebhookTargets targets, ConfigChanges changes,
                         ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.targets = targets;
        this.changes = changes;
        this.json = json;
        this.clock = clock;
    }

    public List<Provider> all() {
        return jdbc.sql("SELECT id, name, provider_type, config, created FROM webhook_auth_provider ORDER BY id")
                .query(this::provider).list();
    }

    public Optional<Provider> find(long id) {
        return jdbc.sql("SELECT id, name, provider_type, config, created FROM webhook_auth_provider WHERE id = :id")
                .param("id", id).query(this::provider).optional();
    }

    /**
     * A new provider. {@code hmac_signature} takes no configuration: its key is generated and
     * returned this once. {@code oauth} needs {@code url} (the token endpoint, a public address),
     * {@code client_id} and {@code client_secret}, and takes a {@code scope}.
     */
    public Created create(String name, Type type, Map<String, String> config, ChangedBy who) {
        String checkedName = name(name);
        Map<String, String> stored = switch (type) {
            case HMAC_SIGNATURE -> {
                if (!config.isEmpty()) {
                    throw ApiError.INVALID_VALUE.exception("An hmac_signature provider takes no config: its secret_key is generated");
                }
                yield Map.of("secret_key", Secrets.random(32));
            }
            case OAUTH -> oauth(config, Map.of());
        };
        Provider provider = changes.apply(who, record -> {
            KeyHolder key = new GeneratedKeyHolder();
            jdbc.sql("INSERT INTO webhook_auth_provider (name, provider_type, config, created) VALUES (:name, :type, :config, :now)")
                    .param("name", checkedName).param("type", type.wire()).param("config", seal(stored))
                    .param("now", utc(clock.instant())).update(key, "id");
            Provider created = find(key.getKeyAs(Long.class)).orElseThrow();
            record.changed(key(created.id()), null, audit(created));
            return created;
        });
        return new Created(provider, stored.get("secret_key"));
    }

    /** Renames the provider and, for {@code oauth}, changes the given parts of its client (null or blank keeps them). */
    public Provider update(long id, String name, Map<String, String> config, ChangedBy who) {
        return changes.apply(who, record -> {
            Provider before = find(id).orElseThrow(() -> notFound(id));
            Map<String, String> stored = switch (before.type()) {
                case HMAC_SIGNATURE -> {
                    if (!config.isEmpty()) {
                        throw ApiError.INVALID_VALUE.exception("An hmac_signature provider's key cannot be changed; create another");
                    }
                    yield sealedConfig(id);
                }
                case OAUTH -> oauth(config, sealedConfig(id));
            };
            jdbc.sql("UPDATE webhook_auth_provider SET name = :name, config = :config WHERE id = :id")
                    .param("name", name == null || name.isBlank() ? before.name() : name(name))
                    .param("config", seal(stored)).param("id", id).update();
            Provider after = find(id).orElseThrow();
            record.changed(key(id), audit(before), audit(after));
            if (config.containsKey("client_secret")) {
                record.changed(key(id) + ".client_secret", "(previous secret, not shown)", "(new secret, not shown)");
            }
            return after;
        });
    }

    /** Deletes the provider; 409 while an endpoint refers to it. */
    public void delete(long id, ChangedBy who) {
        changes.apply(who, record -> {
            Provider provider = find(id).orElseThrow(() -> notFound(id));
            refuseInUse(List.of(id));
            jdbc.sql("DELETE FROM webhook_auth_provider WHERE id = :id").param("id", id).update();
            record.changed(key(id), audit(provider), null);
            return null;
        });
    }

    /** Deletes every provider ({@code DELETE /webhooks/auth}); 409 while an endpoint refers to one. */
    public void deleteAll(ChangedBy who) {
        changes.apply(who, record -> {
            List<Provider> providers = all();
            refuseInUse(providers.stream().map(Provider::id).toList());
            providers.forEach(provider -> {
                jdbc.sql("DELETE FROM webhook_auth_provider WHERE id = :id").param("id", provider.id()).update();
                record.changed(key(provider.id()), audit(provider), null);
            });
            return null;
        });
    }

    /** The credentials of provider {@code id}, for the sender. */
    Optional<Credentials> credentials(long id) {
        return find(id).map(provider -> {
            Map<String, String> config = sealedConfig(id);
            return switch (provider.type()) {
                case HMAC_SIGNATURE -> new Credentials.HmacKey(config.get("secret_key"));
                case OAUTH -> new Credentials.OAuthClient(id, config.get("url"), config.get("client_id"),
                        config.get("client_secret"), config.get("scope"));
            };
        });
    }

    static RuntimeException notFound(long id) {
        return ApiError.NOT_FOUND.exception("No webhook auth provider " + id);
    }

    private void refuseInUse(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        List<Long> users = jdbc.sql("SELECT id FROM webhook WHERE id_auth IN (:ids) ORDER BY id").param("ids", ids)
                .query(Long.class).list();
        if (!users.isEmpty()) {
            throw ApiError.CONFLICT.exception("Webhook endpoints " + users + " use this auth provider; "
                    + "give them another id_auth (or none) first");
        }
    }

    private Map<String, String> oauth(Map<String, String> given, Map<String, String> current) {
        given.keySet().stream().filter(key -> !OAUTH_KEYS.contains(key)).findFirst().ifPresent(unknown -> {
            throw ApiError.INVALID_VALUE.exception("Unknown 'config' key '" + FlatObject.shortened(unknown)
                    + "'; an oauth provider takes " + OAUTH_KEYS.stream().sorted().toList());
        });
        Optional.ofNullable(given.get("grant_type")).filter(grant -> !grant.equals("client_credentials")).ifPresent(grant -> {
            throw ApiError.INVALID_VALUE.exception("'grant_type' of an oauth provider is client_credentials");
        });
        Map<String, String> config = new LinkedHashMap<>(current);
        given.forEach((name, value) -> {
            if (value != null && !value.isBlank() && !name.equals("grant_type")) {
                if (value.length() > MAX_VALUE) {
                    throw ApiError.INVALID_VALUE.exception("'config." + name + "' is longer than " + MAX_VALUE + " characters");
                }
                config.put(name, name.equals("url") ? targets.checkedUrl(value.strip()) : value.strip());
            }
        });
        for (String required : List.of("url", "client_id", "client_secret")) {
            if (!config.containsKey(required)) {
                throw ApiError.MISSING_PARAMETER.exception("An oauth provider needs 'config." + required + "'");
            }
        }
        return config;
    }

    private static String name(String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty() || stripped.length() > MAX_NAME || stripped.chars().anyMatch(Character::isISOControl)) {
            throw ApiError.INVALID_VALUE.exception("'name' is 1 to " + MAX_NAME + " characters");
        }
        return stripped;
    }

    private Map<String, String> sealedConfig(long id) {
        String sealed = jdbc.sql("SELECT config FROM webhook_auth_provider WHERE id = :id").param("id", id)
                .query(String.class).single();
        return json.readValue(cipher.decrypt(sealed, CONFIG), new TypeReference<LinkedHashMap<String, String>>() {
        });
    }

    private String seal(Map<String, String> config) {
        return cipher.encrypt(json.writeValueAsString(config), CONFIG);
    }

    private Provider provider(ResultSet rs, int row) throws SQLException {
        Map<String, String> config = json.readValue(cipher.decrypt(rs.getString("config"), CONFIG),
                new TypeReference<LinkedHashMap<String, String>>() {
                });
        config.keySet().removeAll(SECRET_KEYS);
        if (Type.parse(rs.getString("provider_type")) == Type.OAUTH) {
            config.put("grant_type", "client_credentials");
        }
        return new Provider(rs.getLong("id"), rs.getString("name"), Type.parse(rs.getString("provider_type")), config,
                DbTime.instant(rs, "created"));
    }

    private String audit(Provider provider) {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("name", provider.name());
        shown.put("type", provider.type().wire());
        shown.put("config", provider.config());
        return json.writeValueAsString(shown);
    }

    private static String key(long id) {
        return "webhooks.auth." + id;
    }

    /** Declared for key rotation ({@code rekey}). */
    @Bean
    static SealedColumn webhookAuthProviderConfig() {
        return new SealedColumn("webhook_auth_provider", "config", CONFIG);
    }
}
