package dev.passerelle.server.webview;

import dev.passerelle.server.clients.ClientApplication;
import dev.passerelle.server.clients.ClientApplications;
import dev.passerelle.server.clients.WebviewBranding;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * How the webview presents the client application that opened it: the client's name and the
 * branding an operator gave it ({@code config} of {@code /clients}, or the console): display name,
 * logo, primary colour, consent text and privacy link. The templates' {@code webview/fragments}
 * show it; a client without branding gets the webview's own look.
 */
record ClientBrand(String clientName, WebviewBranding branding) {

    static ClientBrand of(ClientApplications clients, long clientId) {
        return clients.find(clientId)
                .map(client -> new ClientBrand(client.name(), client.settings().branding()))
                .orElse(new ClientBrand(null, WebviewBranding.NONE));
    }

    /**
     * The origin the logo is loaded from, for the page's {@code img-src}: scheme, host and port only
     * (the logo URL was checked as an http(s) URL when it was saved), so the policy header never
     * holds more of what an operator typed than a host name.
     */
    Optional<String> logoOrigin() {
        if (branding.logoUrl() == null) {
            return Optional.empty();
        }
        URI logo = URI.create(branding.logoUrl());
        return Optional.of(logo.getScheme().toLowerCase(Locale.ROOT) + "://" + logo.getHost() + (logo.getPort() < 0 ? "" : ":" + logo.getPort()));
    }
}
