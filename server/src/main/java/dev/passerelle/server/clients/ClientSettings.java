package dev.passerelle.server.clients;

import dev.passerelle.server.api.ApiError;
import dev.passerelle.server.api.UserText;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * What an operator sets on a client application: its name, the redirect URI whitelist every
 * {@code redirect_uri} of the webview and of web authentication must equal, and the webview's
 * branding. What an operator sends goes through {@link #checked}; configuration and stored rows are
 * taken as they are.
 */
public record ClientSettings(String name, List<String> redirectUris, WebviewBranding branding) {

    static final int MAX_NAME = 200;
    static final int MAX_REDIRECT_URIS = 20;

    public ClientSettings {
        redirectUris = List.copyOf(redirectUris);
        branding = branding == null ? WebviewBranding.NONE : branding;
    }

    /** The settings, checked and normalised (URIs stripped, duplicates dropped), or 400 naming what is wrong. */
    public static ClientSettings checked(String name, List<String> redirectUris, WebviewBranding branding) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty() || stripped.length() > MAX_NAME) {
            throw ApiError.INVALID_VALUE.exception("'name' is 1 to " + MAX_NAME + " characters");
        }
        UserText.line("name", stripped, MAX_NAME);
        List<String> uris = List.copyOf(new LinkedHashSet<>(redirectUris.stream()
                .map(uri -> WebUrls.redirectUri("redirect_uris", uri)).toList()));
        if (uris.size() > MAX_REDIRECT_URIS) {
            throw ApiError.INVALID_VALUE.exception("A client has at most " + MAX_REDIRECT_URIS + " redirect URIs");
        }
        return new ClientSettings(stripped, uris, branding);
    }
}
