package dev.passerelle.server.webauth;

import dev.passerelle.server.config.PublicUrl;
import java.net.URI;

/**
 * Where institutions send the browser back after a web authentication (§5.3): the {@code redirect_uri}
 * Passerelle registers at the institutions its connectors reach, e.g. the sandbox bank.
 */
public final class WebauthCallback {

    /** The path under the API root. */
    public static final String PATH = "/webauth/callback";

    private WebauthCallback() {
    }

    /** The absolute callback URL of this server. */
    public static URI of(PublicUrl publicUrl) {
        return publicUrl.resolve(PATH);
    }
}
