package dev.passerelle.server.webauth;

import dev.passerelle.connector.Interaction;
import dev.passerelle.runtime.Interactions;
import dev.passerelle.server.config.PublicUrl;

/**
 * Where institutions send the browser back after a web authentication (docs/protocol.md §5.3): the fixed
 * {@code redirect_uri} Passerelle registers at institutions that want one (the sandbox bank; the
 * trip is found by its {@code state}), and one URL per trip for success and for refusal (Berlin
 * Group's {@code TPP-Redirect-URI} and {@code TPP-Nok-Redirect-URI}).
 */
public final class WebauthCallback {

    /** The fixed callback's path under the API root. */
    public static final String PATH = Interactions.CALLBACK_PATH;

    private WebauthCallback() {
    }

    /** A new trip's id and URLs on this server. */
    public static Interaction mint(PublicUrl publicUrl) {
        return Interactions.mint(publicUrl.base());
    }
}
