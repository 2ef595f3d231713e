package dev.passerelle.server.clients;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A client application on the wire (docs/protocol.md §1.3 {@code Client}): {@code secret} only in the
 * answer that created or rotated it. {@code pro} and {@code id_logo} are there for clients that read
 * them; {@code pro} is always false and {@code id_logo} null here (the logo is {@code config.logo_url}).
 */
record ClientView(long id, String name, List<String> redirectUris, String primaryColor, boolean pro, Long idLogo,
                  Config config, Instant created, Instant updated,
                  @JsonInclude(JsonInclude.Include.NON_NULL) String secret) {

    /** The webview's settings, as Powens' client {@code config} names them. */
    record Config(String displayName, String logoUrl, String primaryColor, String consentText, String privacyUrl,
                  boolean disableConnectorHints, boolean useAppLayout, boolean disableAccountsPreCheck) {
    }

    static ClientView of(ClientApplication client, String secret) {
        WebviewBranding b = client.settings().branding();
        return new ClientView(client.id(), client.name(), client.settings().redirectUris(), b.primaryColor(), false, null,
                new Config(b.displayName(), b.logoUrl(), b.primaryColor(), b.consentText(), b.privacyUrl(),
                        b.disableConnectorHints(), b.useAppLayout(), b.disableAccountsPreCheck()),
                client.created(), client.updated(), secret);
    }

    @Override
    public String toString() {
        return "ClientView[" + id + " " + name + "]"; // never the secret
    }
}
