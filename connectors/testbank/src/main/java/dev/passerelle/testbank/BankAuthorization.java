package dev.passerelle.testbank;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the {@code openapi} source remembers of its web authentication at the sandbox bank, carried
 * in the session next to the scenario's {@link Session} as {@code bank.*} keys (values URL-encoded,
 * so that they never break the {@code key=value;key=value} format): the {@code state} and
 * {@code redirect_uri} of an authorization under way, then the tokens the bank granted and the bank
 * login of the customer, whose data the source shows.
 *
 * @param state        the OAuth2 {@code state} sent to the bank, awaited back on the callback; null once granted
 * @param redirectUri  the {@code redirect_uri} sent to the bank, repeated at the token endpoint
 * @param accessToken  the bank's access token; null until granted
 * @param refreshToken the bank's refresh token, or null
 * @param psu          the customer's bank login, or null
 */
record BankAuthorization(String state, String redirectUri, String accessToken, String refreshToken, String psu) {

    private static final String PREFIX = "bank.";

    /** An authorization under way: the user was sent to the bank with {@code state}. */
    static BankAuthorization awaiting(String state, String redirectUri) {
        return new BankAuthorization(state, redirectUri, null, null, null);
    }

    /** The bank granted tokens to the customer {@code psu}. */
    static BankAuthorization granted(String accessToken, String refreshToken, String psu) {
        return new BankAuthorization(null, null, accessToken, refreshToken, psu);
    }

    /** The authorization a session carries, if any. */
    static Optional<BankAuthorization> from(String session) {
        Map<String, String> values = bankValues(session);
        if (values.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new BankAuthorization(values.get("state"), values.get("redirect"), values.get("access"),
                values.get("refresh"), values.get("psu")));
    }

    /** {@code scenarioSession} with the authorization of {@code previousSession} carried over. */
    static String carriedOver(String previousSession, String scenarioSession) {
        return from(previousSession).map(authorization -> authorization.appendedTo(scenarioSession))
                .orElse(scenarioSession);
    }

    boolean isAwaited() {
        return state != null;
    }

    boolean isGranted() {
        return accessToken != null;
    }

    /** The session that carries only this authorization (before any scenario step). */
    String encode() {
        return appendedTo("");
    }

    /** {@code scenarioSession} followed by this authorization's keys. */
    String appendedTo(String scenarioSession) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("state", state);
        values.put("redirect", redirectUri);
        values.put("access", accessToken);
        values.put("refresh", refreshToken);
        values.put("psu", psu);
        String bank = values.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> PREFIX + e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining(";"));
        return scenarioSession == null || scenarioSession.isEmpty() ? bank : scenarioSession + ";" + bank;
    }

    private static Map<String, String> bankValues(String session) {
        Map<String, String> values = new LinkedHashMap<>();
        if (session == null) {
            return values;
        }
        for (String pair : session.split(";")) {
            int eq = pair.indexOf('=');
            if (pair.startsWith(PREFIX) && eq > PREFIX.length()) {
                try {
                    values.put(pair.substring(PREFIX.length(), eq),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException unreadable) {
                    return Map.of(); // an unreadable authorization counts as none: authenticate again
                }
            }
        }
        return values;
    }

    /** Tokens are secrets: never printed. */
    @Override
    public String toString() {
        return "BankAuthorization[" + (isGranted() ? "granted" : isAwaited() ? "awaited" : "empty") + "]";
    }
}
