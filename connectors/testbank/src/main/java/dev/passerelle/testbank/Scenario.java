package dev.passerelle.testbank;

import dev.passerelle.connector.ConnectionContext;
import dev.passerelle.connector.FailureReason;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * The values of the {@code <source>website} list field ("Cas d'usage", docs/protocol.md §9), in
 * Powens' order: each selects how the test bank behaves, so that an integrator can walk every
 * connection state of docs/protocol.md §4.
 */
enum Scenario {
    PAR("par", "Particuliers", new Succeeds()),
    PRO("pro", "Professionnels", new Succeeds()),
    WRONGPASS("wrongpass", "WrongPass",
            new AlwaysFails(FailureReason.WRONG_PASS, TestBankConnector.INCORRECT_PASSWORD)),
    ADDITIONAL_INFORMATION_NEEDED("additionalInformationNeeded", "AdditionalInformationNeeded", AsksOtp.once()),
    DOUBLE_OTP("doubleotp", "Double OTP", AsksOtp.twice()),
    SHORT_DECOUPLED("shortDecoupled", "ShortDecoupled", AwaitsAppValidation.approved(Timings::shortDecoupled)),
    LONG_DECOUPLED("longDecoupled", "LongDecoupled", AwaitsAppValidation.approved(Timings::longDecoupled)),
    APP_VALIDATION_CANCELLED("AppValidationCancelled", "AppValidationCancelled",
            AwaitsAppValidation.refused(FailureReason.DECOUPLED_CANCELLED,
                    "The validation was cancelled in your bank app")),
    APP_VALIDATION_EXPIRED("AppValidationExpired", "AppValidationExpired",
            AwaitsAppValidation.refused(FailureReason.DECOUPLED_EXPIRED,
                    "The validation request in your bank app has expired")),
    ACTION_NEEDED("actionNeeded", "ActionNeeded",
            new FailsOnceThenRecovers(FailureReason.ACTION_NEEDED,
                    "Please confirm the new terms and conditions", null)),
    PASSWORD_EXPIRED("passwordExpired", "passwordExpired", new PasswordExpires()),
    WEBSITE_UNAVAILABLE("websiteUnavailable", "WebsiteUnavailable",
            new FailsOnceThenRecovers(FailureReason.WEBSITE_UNAVAILABLE, "The bank's website is unavailable", null)),
    RATE_LIMITING("rateLimiting", "RateLimiting",
            new FailsOnceThenRecovers(FailureReason.RATE_LIMITED,
                    "Too many requests to the bank; retry later", Duration.ofSeconds(60))),
    BUG("bug", "Bug", new FailsOnceThenRecovers(FailureReason.BUG, "An unexpected error occurred", null)),
    NOT_SUPPORTED("notSupported", "Website not supported",
            new AlwaysFails(FailureReason.NOT_SUPPORTED, "This website is not supported")),
    SCA_REQUIRED("SCARequired", "SCARequired", new RequiresScaOnSync(new Succeeds())),
    SCA_REQUIRED_AND_OTP("SCARequiredAndOTP", "SCARequiredAndOTP", new RequiresScaOnSync(AsksOtp.once())),
    SCA_REQUIRED_AND_DECOUPLED("SCARequiredAndDecoupled", "SCARequiredAndDecoupled",
            new RequiresScaOnSync(AwaitsAppValidation.approved(Timings::shortDecoupled))),
    /** Only the {@code openapi} source, reached by web authentication, offers this one. */
    WEBAUTH_REQUIRED("webauthRequired", "webauthRequired", new RequiresWebauthOnSync());

    /** The scenario of a connection whose user chose none. */
    static final Scenario DEFAULT = PAR;

    private final String value;
    private final String label;
    private final Behaviour behaviour;

    Scenario(String value, String label, Behaviour behaviour) {
        this.value = value;
        this.label = label;
        this.behaviour = behaviour;
    }

    /** The list value the user chose for the source of {@code ctx}, {@code par} when none. */
    static String chosenValue(ConnectionContext ctx) {
        return ctx.credential(TestBankDescriptor.scenarioField(ctx.source())).orElse(DEFAULT.value);
    }

    /** The scenario the user chose for the source of {@code ctx}; empty when the value is not in the list. */
    static Optional<Scenario> chosen(ConnectionContext ctx) {
        return find(chosenValue(ctx), ctx.source());
    }

    /** The scenario of that list value, if {@code source} offers it. */
    static Optional<Scenario> find(String value, String source) {
        return Arrays.stream(values())
                .filter(scenario -> scenario.value.equals(value) && scenario.availableOn(source))
                .findFirst();
    }

    boolean availableOn(String source) {
        return this != WEBAUTH_REQUIRED || TestBankDescriptor.OPEN_API.equals(source);
    }

    String value() {
        return value;
    }

    String label() {
        return label;
    }

    /** The label in French (Powens' own) and English: only the two customer kinds are words. */
    Map<String, String> labels() {
        return switch (this) {
            case PAR -> Map.of("fr", label, "en", "Individuals");
            case PRO -> Map.of("fr", label, "en", "Businesses");
            default -> Map.of();
        };
    }

    Behaviour behaviour() {
        return behaviour;
    }
}
