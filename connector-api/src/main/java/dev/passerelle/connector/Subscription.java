package dev.passerelle.connector;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A contract with a bill provider, or a bank's statement channel (PROTOCOL-NOTES §7.3).
 *
 * @param externalId stable identifier
 * @param number     contract number, or {@code null}
 * @param label      display label
 * @param subscriber holder name, or {@code null}
 * @param validity   end of validity, or {@code null}
 * @param renewdate  renewal date, or {@code null}
 */
public record Subscription(
        String externalId,
        String number,
        String label,
        String subscriber,
        LocalDate validity,
        LocalDate renewdate) {

    public Subscription {
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(label, "label");
    }
}
