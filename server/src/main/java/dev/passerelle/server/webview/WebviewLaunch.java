package dev.passerelle.server.webview;

import dev.passerelle.server.api.Flags;
import dev.passerelle.server.clients.ClientApplications;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A webview URL once checked (docs/protocol.md §10.2–10.5): the client exists, the
 * {@code redirect_uri} is exactly on its whitelist, and each flow has what it needs. The page's
 * script gets these values from {@link #config()}, never from the address bar, so what it
 * redirects to is what the server checked.
 *
 * @param connectorCountries {@code connector_country}: the connectors of these countries only
 * @param sources     {@code sources}: the sources to chain before the accounts, else the client's default
 * @param accountTypes {@code account_types}, else the client's default
 * @param accountIbans {@code account_ibans}: the only accounts that may be activated, by IBAN
 * @param prefill {@code {connector_uuid}.{field}} values, by connector uuid then field name
 */
record WebviewLaunch(WebviewFlow flow, WebviewLanguage lang, long clientId, String redirectUri, String state,
                     String code, Long connectionId, boolean resetCredentials, List<String> connectionSources,
                     List<String> connectorUuids, List<String> connectorIds, List<String> capabilities,
                     List<String> connectorCountries, List<String> sources, List<String> accountTypes,
                     List<String> accountUsages, List<String> accountIbans, int maxConnections,
                     Map<String, Map<String, String>> prefill) {

    /** The capability a connect webview offers when the integrator names none (docs/protocol.md §10.3). */
    static final String DEFAULT_CAPABILITY = "bank";

    private static final Pattern PREFILL = Pattern.compile(
            "([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\\.(\\w+)");

    /** Checks the query of a webview URL; throws {@link WebviewRefused} with the first failure. */
    static WebviewLaunch check(WebviewFlow flow, WebviewLanguage lang, Map<String, String[]> query,
                               ClientApplications clients, WebviewDefaults defaults) {
        Params params = new Params(query);
        long clientId = params.get("client_id").flatMap(ClientApplications::parseId)
                .filter(id -> !clients.redirectUris(id).isEmpty())
                .orElseThrow(() -> new WebviewRefused(WebviewRefusal.UNKNOWN_CLIENT));
        Optional<String> redirectUri = params.get("redirect_uri");
        if (redirectUri.isEmpty() && flow.redirectRequired()) {
            throw new WebviewRefused(WebviewRefusal.REDIRECT_URI_MISSING);
        }
        if (redirectUri.isPresent()
                && (!clients.isWhitelisted(clientId, redirectUri.get()) || clients.isOwnPage(redirectUri.get()))) {
            throw new WebviewRefused(WebviewRefusal.REDIRECT_URI_NOT_WHITELISTED);
        }
        Optional<String> code = params.get("code");
        if (code.isEmpty() && flow.codeRequired()) {
            throw new WebviewRefused(WebviewRefusal.CODE_MISSING);
        }
        Optional<String> rawConnection = params.get("connection_id");
        Long connectionId = rawConnection.filter(id -> id.matches("\\d{1,18}")).map(Long::parseLong).orElse(null);
        if (connectionId == null && (flow.connectionRequired() || rawConnection.isPresent())) {
            // Reconnect's connection is the one to fix; manage's, optional, only the one to show first.
            throw new WebviewRefused(flow.connectionRequired() ? WebviewRefusal.CONNECTION_ID_MISSING
                    : WebviewRefusal.CONNECTION_ID_INVALID);
        }
        Optional<String> state = params.get("state");
        if (state.isPresent() && state.get().length() > ClientApplications.MAX_STATE) {
            throw new WebviewRefused(WebviewRefusal.STATE_TOO_LONG);
        }
        int maxConnections = params.get("max_connections").map(WebviewLaunch::positive).orElse(1);
        boolean resetCredentials = params.flag("reset_credentials", WebviewRefusal.RESET_CREDENTIALS_NOT_A_FLAG);
        List<String> capabilities = params.list("connector_capabilities");
        WebviewDefaults.Client client = defaults.of(clientId);
        List<String> sources = params.list("sources");
        List<String> accountTypes = params.list("account_types");
        return new WebviewLaunch(flow, lang, clientId, redirectUri.orElse(null), state.orElse(null),
                code.orElse(null), connectionId, resetCredentials,
                params.list("connection_sources"), params.list("connector_uuids"), params.list("connector_ids"),
                capabilities.isEmpty() ? List.of(DEFAULT_CAPABILITY) : capabilities,
                params.list("connector_country").stream().map(c -> c.toLowerCase(Locale.ROOT)).toList(),
                sources.isEmpty() ? client.sources() : sources,
                accountTypes.isEmpty() ? client.accountTypes() : accountTypes,
                params.list("account_usages"),
                params.list("account_ibans").stream().map(WebviewLaunch::iban).toList(),
                maxConnections, prefill(query));
    }

    /** An IBAN as compared: no spaces, upper case (ISO 13616 prints it in groups of four). */
    private static String iban(String raw) {
        return raw.replace(" ", "").toUpperCase(Locale.ROOT);
    }

    private static int positive(String raw) {
        if (!raw.matches("\\d{1,4}") || Integer.parseInt(raw) < 1) {
            throw new WebviewRefused(WebviewRefusal.BAD_MAX_CONNECTIONS);
        }
        return Integer.parseInt(raw);
    }

    private static Map<String, Map<String, String>> prefill(Map<String, String[]> query) {
        Map<String, Map<String, String>> prefill = new LinkedHashMap<>();
        query.forEach((name, values) -> {
            Matcher matcher = PREFILL.matcher(name);
            if (matcher.matches() && values.length > 0) {
                prefill.computeIfAbsent(matcher.group(1).toLowerCase(), uuid -> new LinkedHashMap<>())
                        .put(matcher.group(2), values[0]);
            }
        });
        return prefill;
    }

    /**
     * What the page's script needs, keyed as the script names it.
     *
     * @param webauthReturn where a web authentication started from the page comes back to
     */
    Map<String, Object> config(String apiBase, String webauthReturn) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("flow", flow.wire());
        config.put("lang", lang.code());
        config.put("apiBase", apiBase);
        config.put("webauthReturn", webauthReturn);
        config.put("clientId", Long.toString(clientId));
        config.put("redirectUri", redirectUri);
        config.put("integratorOrigin", integratorOrigin().orElse(null));
        config.put("state", state);
        config.put("code", code);
        config.put("connectionId", connectionId);
        config.put("resetCredentials", resetCredentials);
        config.put("connectionSources", connectionSources);
        config.put("connectorUuids", connectorUuids);
        config.put("connectorIds", connectorIds);
        config.put("capabilities", capabilities);
        config.put("connectorCountries", connectorCountries);
        config.put("sources", sources);
        config.put("accountTypes", accountTypes);
        config.put("accountUsages", accountUsages);
        config.put("accountIbans", accountIbans);
        config.put("maxConnections", maxConnections);
        config.put("prefill", prefill);
        return config;
    }

    /** The frame origin allowed to embed the page: the integrator's, as its redirect URI tells. */
    Optional<String> integratorOrigin() {
        if (redirectUri == null) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(redirectUri);
            return Optional.ofNullable(uri.getAuthority()).filter(a -> uri.getScheme() != null)
                    .map(authority -> uri.getScheme() + "://" + authority);
        } catch (URISyntaxException notAUri) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "WebviewLaunch[" + flow.wire() + "/" + lang.code() + " for client " + clientId + "]";
    }

    /** Query parameters where a blank value counts as absent (HTML forms send empty inputs), but for flags. */
    private record Params(Map<String, String[]> query) {
        Optional<String> get(String name) {
            String[] values = query.get(name);
            return values == null || values.length == 0 ? Optional.empty()
                    : Optional.of(values[0]).filter(v -> !v.isBlank());
        }

        /**
         * A flag read as the API reads one ({@link Flags}): absent is false, present without a value true,
         * and a value that is no flag is refused rather than taken for false.
         */
        boolean flag(String name, WebviewRefusal notAFlag) {
            String[] values = query.get(name);
            if (values == null || values.length == 0) {
                return false;
            }
            return Flags.read(values[0]).orElseThrow(() -> new WebviewRefused(notAFlag));
        }

        List<String> list(String name) {
            return get(name).map(raw -> Arrays.stream(raw.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList())
                    .orElse(List.of());
        }
    }
}
