package dev.passerelle.testbank;

import dev.passerelle.connector.ConnectionContext;
import dev.passerelle.connector.SettingSpec;
import java.time.Duration;
import java.util.List;

/**
 * Scenario timings, from the connector settings
 * ({@code passerelle.connectors.settings.338178e6-3d01-564f-9a7b-52ca442459bf.<key>}, in seconds) so
 * that an integrator can shorten a long decoupled validation in a demo or lengthen it in a UI test.
 */
record Timings(Duration shortDecoupled, Duration longDecoupled, Duration otpExpiry, Duration decoupledPoll) {

    static final String SHORT_DECOUPLED = "short-decoupled-seconds";
    static final String LONG_DECOUPLED = "long-decoupled-seconds";
    static final String OTP_EXPIRY = "otp-expiry-seconds";
    static final String DECOUPLED_POLL = "decoupled-poll-seconds";

    /** The settings' declarations, with their defaults. */
    static final List<SettingSpec> SETTINGS = List.of(
            SettingSpec.of(SHORT_DECOUPLED, SettingSpec.Type.SECONDS,
                    "when shortDecoupled, AppValidation* and SCARequiredAndDecoupled are validated").withDefault("5"),
            SettingSpec.of(LONG_DECOUPLED, SettingSpec.Type.SECONDS, "when longDecoupled is validated")
                    .withDefault("60"),
            SettingSpec.of(OTP_EXPIRY, SettingSpec.Type.SECONDS,
                    "how long a one-time code (and a bank app's request, once validated) stays valid").withDefault("300"),
            SettingSpec.of(DECOUPLED_POLL, SettingSpec.Type.SECONDS, "the pollAfter of every decoupled validation")
                    .withDefault("2"));

    static Timings from(ConnectionContext ctx) {
        return new Timings(ctx.settings().seconds(SHORT_DECOUPLED), ctx.settings().seconds(LONG_DECOUPLED),
                ctx.settings().seconds(OTP_EXPIRY), ctx.settings().seconds(DECOUPLED_POLL));
    }
}
