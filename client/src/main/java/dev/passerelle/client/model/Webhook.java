package dev.passerelle.client.model;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A webhook endpoint (config token; docs/webhooks.md). {@code secret} only in the answer to a
 * registration, a rotation, or a listen; {@code listener} for the endpoints the CLI receives,
 * {@code listening} while a CLI receives them.
 */
public record Webhook(long id, String url, List<String> events, long idClient, String auth, LocalDateTime created,
                      LocalDateTime previousSecretExpires, Boolean listener, Boolean listening, String secret) {

    /** Whether calls queued for it now reach someone: a posted endpoint, or a listener a CLI listens to. */
    public boolean receiving() {
        return !Boolean.TRUE.equals(listener) || Boolean.TRUE.equals(listening);
    }

    @Override
    public String toString() {
        return "Webhook[" + id + " " + url + " " + events + "]"; // never the secret
    }
}
