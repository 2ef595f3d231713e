package dev.passerelle.testbank;

import dev.passerelle.connector.ConnectionContext;
import dev.passerelle.connector.FailureReason;
import dev.passerelle.connector.Interaction;
import dev.passerelle.connector.Resume;
import dev.passerelle.connector.SettingSpec;
import dev.passerelle.connector.Settings;
import dev.passerelle.connector.StepResult;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code openapi} source reached by web authentication (docs/protocol.md §5): no password is
 * posted; the user logs in and consents at the sandbox bank (OAuth2 authorization code, RFC 6749
 * §4.1), which redirects back to the server's registered callback with the server-minted interaction
 * id as {@code state}. The scenario then runs as after a password check, its sessions carrying the
 * bank's tokens ({@link BankAuthorization}).
 */
final class BankRedirect {

    static final String BANK_URL = "bank-url";
    static final String CLIENT_ID = "bank-client-id";
    static final String CLIENT_SECRET = "bank-client-secret";
    static final String DEFAULT_CLIENT_ID = "passerelle-testbank";
    static final String DEFAULT_CLIENT_SECRET = "sandbox-secret";
    static final String ACCESS_DENIED = "Access to your accounts was refused at the bank";
    static final String AUTHENTICATE_AT_BANK = "Authenticate at your bank: open GET /webauth-url";

    /** The settings' declarations. */
    static final List<SettingSpec> SETTINGS = List.of(
            SettingSpec.of(BANK_URL, SettingSpec.Type.URL,
                    "the sandbox bank's base URL; by default the one this server serves, <public-url>/sandbox/bank"),
            SettingSpec.of(CLIENT_ID, SettingSpec.Type.TEXT, "the connector's OAuth2 client id at the bank")
                    .withDefault(DEFAULT_CLIENT_ID),
            SettingSpec.of(CLIENT_SECRET, SettingSpec.Type.SECRET,
                    "the connector's OAuth2 client secret at the bank; the sandbox bank's own by default"));

    private BankRedirect() {
    }

    /** Sends the user to the bank's authorization page, or asks for a web authentication when the call cannot. */
    static StepResult start(ConnectionContext ctx, Scenario scenario) {
        Optional<Interaction> interaction = ctx.interaction();
        if (interaction.isEmpty()) {
            return new StepResult.WebauthRequired(AUTHENTICATE_AT_BANK);
        }
        String state = interaction.get().id();
        String redirectUri = interaction.get().registeredCallbackUrl().toString();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", ctx.settings().text(CLIENT_ID, DEFAULT_CLIENT_ID));
        query.put("redirect_uri", redirectUri);
        query.put("scope", "accounts");
        query.put("state", state);
        query.put("scenario", scenario.value());
        ctx.saveSession(BankAuthorization.awaiting(state, redirectUri).encode());
        return new StepResult.Redirect(URI.create(bankUrl(ctx.settings()) + "/authorize?" + TokenExchange.urlEncoded(query)));
    }

    /** Whether {@code ctx}'s session awaits the bank's callback. */
    static boolean awaitsCallback(ConnectionContext ctx) {
        return BankAuthorization.from(ctx.session().orElse(null)).filter(BankAuthorization::isAwaited).isPresent();
    }

    /**
     * The bank's callback ({@code code} or {@code error}, with {@code state}): the code is exchanged
     * for tokens, then the scenario runs its first step as the now authenticated customer.
     */
    static StepResult callback(ConnectionContext ctx, Scenario scenario, Resume.Callback callback) {
        BankAuthorization awaited = BankAuthorization.from(ctx.session().orElse(null)).orElseThrow();
        if (!awaited.state().equals(callback.params().get("state"))) {
            return new StepResult.WebauthRequired("The bank's answer does not belong to this authentication; "
                    + "authenticate again");
        }
        Optional<String> error = callback.param("error");
        if (callback.refused() || error.isPresent()) {
            return error.isEmpty() || "access_denied".equals(error.get())
                    ? new StepResult.WebauthRequired(ACCESS_DENIED)
                    : StepResult.Failure.of(FailureReason.WEBSITE_UNAVAILABLE, "The bank answered: " + error.get());
        }
        Optional<String> code = callback.param("code").filter(c -> !c.isBlank());
        if (code.isEmpty()) {
            return new StepResult.WebauthRequired("The bank sent no authorization code; authenticate again");
        }
        Settings settings = ctx.settings();
        TokenExchange tokens = new TokenExchange(ctx.http(), URI.create(bankUrl(settings) + "/token"),
                settings.text(CLIENT_ID, DEFAULT_CLIENT_ID), settings.secret(CLIENT_SECRET).orElse(DEFAULT_CLIENT_SECRET));
        return switch (tokens.exchange(code.get(), awaited.redirectUri())) {
            case TokenExchange.Answer.Granted granted -> {
                ctx.saveSession(BankAuthorization.granted(granted.accessToken(), granted.refreshToken(), granted.psu())
                        .encode());
                yield scenario.behaviour().start(new Attempt(ctx, scenario));
            }
            case TokenExchange.Answer.Refused refused when "invalid_grant".equals(refused.error()) ->
                    new StepResult.WebauthRequired("The bank's authorization expired or was already used; "
                            + "authenticate again");
            case TokenExchange.Answer.Refused refused -> StepResult.Failure.of(FailureReason.BUG,
                    "The bank refused the connector: " + refused.error());
            case TokenExchange.Answer.Unreachable unreachable ->
                    StepResult.Failure.of(FailureReason.WEBSITE_UNAVAILABLE, unreachable.reason());
        };
    }

    /** A refresh: as the scenario says once the bank granted access; otherwise the user must go to the bank. */
    static StepResult sync(ConnectionContext ctx, Scenario scenario) {
        boolean granted = BankAuthorization.from(ctx.session().orElse(null)).filter(BankAuthorization::isGranted)
                .isPresent();
        return granted
                ? scenario.behaviour().sync(new Attempt(ctx, scenario))
                : new StepResult.WebauthRequired(AUTHENTICATE_AT_BANK);
    }

    private static String bankUrl(Settings settings) {
        String url = settings.url(BANK_URL).map(URI::toString).orElseGet(() ->
                settings.text(Settings.PUBLIC_URL, "http://localhost:8080/2.0") + "/sandbox/bank");
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
