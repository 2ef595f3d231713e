package dev.passerelle.testbank;

import dev.passerelle.connector.InstitutionHttp;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The OAuth2 token endpoint of the sandbox bank (RFC 6749 §4.1.3), called over real HTTP as a PSD2
 * connector calls its bank: the authorization code for tokens, the connector authenticating with
 * HTTP Basic, through the server's {@link InstitutionHttp} (so that the test kit can record it).
 */
final class TokenExchange {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    /** What the bank answered. */
    sealed interface Answer {
        /** Tokens for the customer {@code psu}. */
        record Granted(String accessToken, String refreshToken, String psu) implements Answer {
            @Override
            public String toString() {
                return "Granted[]";
            }
        }

        /** The bank refused the request (RFC 6749 §5.2): {@code invalid_grant}, {@code invalid_client}, … */
        record Refused(String error, String description) implements Answer {
        }

        /** The bank could not be reached or answered garbage. */
        record Unreachable(String reason) implements Answer {
        }
    }

    private final InstitutionHttp http;
    private final URI endpoint;
    private final String clientId;
    private final String clientSecret;

    TokenExchange(InstitutionHttp http, URI endpoint, String clientId, String clientSecret) {
        this.http = http;
        this.endpoint = endpoint;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    Answer exchange(String code, String redirectUri) {
        String form = urlEncoded(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", redirectUri));
        String basic = Base64.getEncoder().encodeToString((URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return read(response.statusCode(), response.body());
        } catch (IOException | IllegalArgumentException e) {
            return new Answer.Unreachable("The bank's token endpoint cannot be reached");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer.Unreachable("Interrupted while calling the bank");
        }
    }

    /** {@code application/x-www-form-urlencoded}, as forms and query strings carry parameters. */
    static String urlEncoded(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Answer read(int status, String body) {
        if (status == 200) {
            Optional<String> access = string(body, "access_token");
            return access.<Answer>map(token -> new Answer.Granted(token, string(body, "refresh_token").orElse(null),
                            string(body, "psu_id").orElse(null)))
                    .orElseGet(() -> new Answer.Unreachable("The bank granted no access token"));
        }
        if (status == 400 || status == 401) {
            return string(body, "error").<Answer>map(error -> new Answer.Refused(error,
                            string(body, "error_description").orElse(error)))
                    .orElseGet(() -> new Answer.Unreachable("The bank answered HTTP " + status));
        }
        return new Answer.Unreachable("The bank answered HTTP " + status);
    }

    /**
     * A string member of the flat JSON object the token endpoint answers (RFC 6749 §5.1). The
     * connector-api has no JSON library, and these objects hold only plain strings and numbers.
     */
    static Optional<String> string(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"")
                .matcher(json == null ? "" : json);
        return matcher.find() ? Optional.of(matcher.group(1).replaceAll("\\\\(.)", "$1")) : Optional.empty();
    }
}
