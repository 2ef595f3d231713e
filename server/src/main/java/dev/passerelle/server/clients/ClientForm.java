package dev.passerelle.server.clients;

import dev.passerelle.server.api.ApiError;
import dev.passerelle.server.api.BodyParams;
import dev.passerelle.server.api.Flags;
import dev.passerelle.server.api.FlatObject;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A client application as {@code POST /clients} and {@code PUT /clients/{id}} send it, in any body
 * encoding: {@code name}; {@code redirect_uris} as a JSON array or a string of URIs separated by
 * new lines, commas or spaces ({@code redirect_uri} too); the webview's branding in {@code config}
 * (a JSON object, or its text) or as top-level fields, {@code primary_color} at the top as Powens
 * has it. A field left out keeps its value; {@code update_config=false} replaces the whole
 * {@code config} instead of merging it.
 */
final class ClientForm {

    static final String DISPLAY_NAME = "display_name";
    static final String LOGO_URL = "logo_url";
    static final String PRIMARY_COLOR = "primary_color";
    static final String CONSENT_TEXT = "consent_text";
    static final String PRIVACY_URL = "privacy_url";
    static final String DISABLE_CONNECTOR_HINTS = "disable_connector_hints";
    static final String USE_APP_LAYOUT = "use_app_layout";
    static final String DISABLE_ACCOUNTS_PRE_CHECK = "disable_accounts_pre_check";
    static final Set<String> CONFIG_KEYS = Set.of(DISPLAY_NAME, LOGO_URL, PRIMARY_COLOR, CONSENT_TEXT, PRIVACY_URL,
            DISABLE_CONNECTOR_HINTS, USE_APP_LAYOUT, DISABLE_ACCOUNTS_PRE_CHECK);

    private final Optional<String> name;
    private final Optional<List<String>> redirectUris;
    private final Map<String, String> config;
    private final boolean replaceConfig;

    private ClientForm(Optional<String> name, Optional<List<String>> redirectUris, Map<String, String> config,
                       boolean replaceConfig) {
        this.name = name;
        this.redirectUris = redirectUris;
        this.config = config;
        this.replaceConfig = replaceConfig;
    }

    static ClientForm of(BodyParams body, ObjectMapper json) {
        Optional<String> uris = body.has("redirect_uris") ? Optional.of(body.json("redirect_uris").orElse("")) // empty clears them
                : body.value("redirect_uri");
        Map<String, String> config = new LinkedHashMap<>(body.json("config").map(raw -> configObject(raw, json))
                .orElse(Map.of()));
        CONFIG_KEYS.forEach(key -> body.value(key).ifPresent(value -> config.put(key, value)));
        return new ClientForm(body.value("name"), uris.map(raw -> uris(raw, json)), config,
                !body.bool("update_config").orElse(true));
    }

    /** Whether the form changes nothing (a {@code PUT} that only rotates the secret). */
    boolean isEmpty() {
        return name.isEmpty() && redirectUris.isEmpty() && config.isEmpty() && !replaceConfig;
    }

    /** The settings {@code current} becomes with this form, checked. */
    ClientSettings applyTo(ClientSettings current) {
        WebviewBranding was = replaceConfig ? WebviewBranding.NONE : current.branding();
        WebviewBranding branding = WebviewBranding.checked(
                text(DISPLAY_NAME, was.displayName()), text(LOGO_URL, was.logoUrl()),
                text(PRIMARY_COLOR, was.primaryColor()), text(CONSENT_TEXT, was.consentText()),
                text(PRIVACY_URL, was.privacyUrl()),
                flag(DISABLE_CONNECTOR_HINTS, was.disableConnectorHints()), flag(USE_APP_LAYOUT, was.useAppLayout()),
                flag(DISABLE_ACCOUNTS_PRE_CHECK, was.disableAccountsPreCheck()));
        return ClientSettings.checked(name.orElse(current.name()), redirectUris.orElse(current.redirectUris()), branding);
    }

    /** The settings of a new client: {@code name} defaults to "Application". */
    ClientSettings newSettings() {
        return applyTo(new ClientSettings(name.filter(n -> !n.isBlank()).orElse("Application"), List.of(), WebviewBranding.NONE));
    }

    private String text(String key, String was) {
        return config.containsKey(key) ? config.get(key) : was;
    }

    /** A flag sent as null is off. */
    private boolean flag(String key, boolean was) {
        return config.containsKey(key) ? config.get(key) != null && Flags.parse(key, config.get(key)) : was;
    }

    private static List<String> uris(String raw, ObjectMapper json) {
        if (raw.strip().startsWith("[")) {
            return strings(raw, json, "'redirect_uris' must be a JSON array of URIs or a string of URIs");
        }
        return Arrays.stream(raw.split("[\\s,]+")).filter(uri -> !uri.isBlank()).toList();
    }

    private static List<String> strings(String raw, ObjectMapper json, String error) {
        try {
            JsonNode array = json.readTree(raw);
            if (array.isArray() && array.valueStream().allMatch(JsonNode::isString)) {
                return array.valueStream().map(JsonNode::asString).toList();
            }
        } catch (JacksonException malformed) {
            // reported below like any other value of the wrong shape
        }
        throw ApiError.INVALID_VALUE.exception(error);
    }

    /** {@code config} as an object of the known keys. */
    private static Map<String, String> configObject(String raw, ObjectMapper json) {
        Map<String, String> values = FlatObject.parse("config", raw, json);
        values.keySet().stream().filter(key -> !CONFIG_KEYS.contains(key)).findFirst().ifPresent(unknown -> {
            throw ApiError.INVALID_VALUE.exception("Unknown 'config' key '" + FlatObject.shortened(unknown) + "'; the keys are "
                    + CONFIG_KEYS.stream().sorted().toList());
        });
        return values;
    }

}
