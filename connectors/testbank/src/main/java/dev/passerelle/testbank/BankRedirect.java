package dev.passerelle.testbank;

import dev.passerelle.connector.ConnectionContext;
import dev.passerelle.connector.FailureReason;
import dev.passerelle.connector.StepResult;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code openapi} source reached by web authentication (PROTOCOL-NOTES §5): no password is
 * posted; the user logs in and consents at the sandbox bank (OAuth2 authorization code, RFC 6749
 * §4.1), which redirects back to the server's callback. The scenario then runs as after a password
 * check, its sessions carrying the bank's tokens ({@link BankAuthorization}).
 *
 * <p>Settings: {@code bank-url} (default {@code <public-url>/sandbox/bank}, the bank Passerelle
 * serves), {@code bank-client-id} and {@code bank-client-secret} (the sandbox bank's defaults).
 */
final class BankRedirect {

    /** The setting naming the bank's base URL; unset, the sandbox bank the server serves. */
    static final String BANK_URL = "bank-url";
    static final String DEFAULT_CLIENT_ID = "passerelle-testbank";
    static final String DEFAULT_CLIENT_SECRET = "sandbox-secret";
    static final String ACCESS_DENIED = "Access to your accounts was refused at the bank";
    static final String AUTHENTICATE_AT_BANK = "Authenticate at your bank: open GET /webauth-url";

    private static final SecureRandom RANDOM = new SecureRandom();

    private BankRedirect() {
    }

    /** Sends the user to the bank's authorization page. */
    static StepResult start(ConnectionContext ctx, Scenario scenario) {
        if (ctx.callbackUrl() == null) {
            return new StepResult.WebauthRequired(AUTHENTICATE_AT_BANK, null);
        }
        String state = "c" + ctx.connectionId() + "." + random();
        String redirectUri = ctx.callbackUrl().toString();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", ctx.setting("bank-client-id", DEFAULT_CLIENT_ID));
        query.put("redirect_uri", redirectUri);
        query.put("scope", "accounts");
        query.put("state", state);
        query.put("scenario", scenario.value());
        URI authorize = URI.create(bankUrl(ctx) + "/authorize?" + TokenExchange.urlEncoded(query));
        return new StepResult.Redirect(authorize, BankAuthorization.awaiting(state, redirectUri).encode());
    }

    /** Whether {@code ctx}'s session awaits the bank's callback. */
    static boolean awaitsCallback(ConnectionContext ctx) {
        return BankAuthorization.from(ctx.session()).filter(BankAuthorization::isAwaited).isPresent();
    }

    /**
     * The bank's callback ({@code code} or {@code error}, with {@code state}): the code is exchanged
     * for tokens, then the scenario runs its first step as the now authenticated customer.
     */
    static StepResult callback(ConnectionContext ctx, Scenario scenario, Map<String, String> callback) {
        BankAuthorization awaited = BankAuthorization.from(ctx.session()).orElseThrow();
        if (!awaited.state().equals(callback.get("state"))) {
            return new StepResult.WebauthRequired("The bank's answer does not belong to this authentication; "
                    + "authenticate again", null);
        }
        String error = callback.get("error");
        if (error != null) {
            return "access_denied".equals(error)
                    ? new StepResult.WebauthRequired(ACCESS_DENIED, null)
                    : StepResult.Failure.of(FailureReason.WEBSITE_UNAVAILABLE, "The bank answered: " + error);
        }
        String code = callback.get("code");
        if (code == null || code.isBlank()) {
            return new StepResult.WebauthRequired("The bank sent no authorization code; authenticate again", null);
        }
        TokenExchange tokens = new TokenExchange(URI.create(bankUrl(ctx) + "/token"),
                ctx.setting("bank-client-id", DEFAULT_CLIENT_ID), ctx.setting("bank-client-secret", DEFAULT_CLIENT_SECRET));
        return switch (tokens.exchange(code, awaited.redirectUri())) {
            case TokenExchange.Answer.Granted granted -> {
                String session = BankAuthorization.granted(granted.accessToken(), granted.refreshToken(), granted.psu())
                        .encode();
                ConnectionContext authenticated = ctx.withSession(session);
                yield scenario.behaviour().start(new Attempt(authenticated, scenario));
            }
            case TokenExchange.Answer.Refused refused when "invalid_grant".equals(refused.error()) ->
                    new StepResult.WebauthRequired("The bank's authorization expired or was already used; "
                            + "authenticate again", null);
            case TokenExchange.Answer.Refused refused -> StepResult.Failure.of(FailureReason.BUG,
                    "The bank refused the connector: " + refused.error());
            case TokenExchange.Answer.Unreachable unreachable ->
                    StepResult.Failure.of(FailureReason.WEBSITE_UNAVAILABLE, unreachable.reason());
        };
    }

    /** A refresh: as the scenario says once the bank granted access; otherwise the user must go to the bank. */
    static StepResult sync(ConnectionContext ctx, Scenario scenario) {
        boolean granted = BankAuthorization.from(ctx.session()).filter(BankAuthorization::isGranted).isPresent();
        return granted
                ? scenario.behaviour().sync(new Attempt(ctx, scenario))
                : new StepResult.WebauthRequired(AUTHENTICATE_AT_BANK, null);
    }

    private static String bankUrl(ConnectionContext ctx) {
        String url = ctx.setting(BANK_URL, ctx.setting("public-url", "http://localhost:8080/2.0") + "/sandbox/bank");
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String random() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
