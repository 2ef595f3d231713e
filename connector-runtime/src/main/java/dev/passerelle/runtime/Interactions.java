package dev.passerelle.runtime;

import dev.passerelle.connector.Interaction;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Mints the {@link Interaction} of a call that may send the user to the institution's pages, and
 * reads a return URL back to its interaction id. The URLs live under the server's public URL:
 * {@code /webauth/callback} (the one fixed, registrable callback: the id travels as {@code state}),
 * {@code /webauth/callback/<id>} (success) and {@code /webauth/callback/<id>/refused} (refusal).
 */
public final class Interactions {

    public static final String CALLBACK_PATH = "/webauth/callback";
    public static final String REFUSED = "refused";

    private static final SecureRandom RANDOM = new SecureRandom();

    private Interactions() {
    }

    /** A fresh interaction under {@code publicUrl} (the API root, e.g. {@code https://api.example.com/2.0}). */
    public static Interaction mint(String publicUrl) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String base = stripSlash(publicUrl) + CALLBACK_PATH;
        return new Interaction(id, URI.create(base + "/" + id), URI.create(base + "/" + id + "/" + REFUSED),
                URI.create(base));
    }

    /** A return to one of an interaction's own URLs: which interaction, and whether it was the refusal. */
    public record Return(String interactionId, boolean refused) {
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
