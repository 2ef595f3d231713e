package dev.passerelle.testbank;

import dev.passerelle.connector.ConnectionContext;
import java.time.Duration;

/**
 * Scenario timings, from the connector settings
 * ({@code passerelle.connectors.settings.338178e6-3d01-564f-9a7b-52ca442459bf.<key>}, in seconds) so
 * that an integrator can shorten a long decoupled validation in a demo or lengthen it in a UI test.
 */
record Timings(Duration shortDecoupled, Duration longDecoupled, Duration otpExpiry, Duration decoupledPoll) {

    static Timings from(ConnectionContext ctx) {
        return new Timings(
                seconds(ctx, "short-decoupled-seconds", 5),
                seconds(ctx, "long-decoupled-seconds", 60),
                seconds(ctx, "otp-expiry-seconds", 300),
                seconds(ctx, "decoupled-poll-seconds", 2));
    }

    /** A setting in seconds; a value that is not a non-negative whole number falls back to the default. */
    private static Duration seconds(ConnectionContext ctx, String key, long defaultSeconds) {
        String raw = ctx.setting(key, Long.toString(defaultSeconds)).trim();
        try {
            long value = Long.parseLong(raw);
            return Duration.ofSeconds(value >= 0 ? value : defaultSeconds);
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(defaultSeconds);
        }
    }
}
