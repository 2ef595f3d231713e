package dev.passerelle.server.webhooks;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * How an endpoint's calls prove they come from Passerelle (docs/protocol.md §8.3), chosen when it
 * is registered. Both also carry the timestamped {@code Passerelle-Signature} header, which alone
 * lets a receiver accept two secrets while one is rotated out.
 */
enum WebhookAuth {
    /** {@code BI-Signature} and {@code BI-Signature-Date}, as Powens' HMAC auth provider (alternative 2). */
    HMAC,
    /**
     * {@code Authorization: Bearer <secret>}: the shape of Powens' default (alternative 1), with the
     * endpoint's secret in place of the user's token, which Passerelle only keeps hashed.
     */
    BEARER;

    @JsonValue
    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static WebhookAuth parse(String value) {
        for (WebhookAuth auth : values()) {
            if (auth.wire().equalsIgnoreCase(value.strip())) {
                return auth;
            }
        }
        throw new IllegalArgumentException(value);
    }
}
