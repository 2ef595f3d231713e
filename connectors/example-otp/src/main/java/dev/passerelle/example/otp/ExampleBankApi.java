package dev.passerelle.example.otp;

import dev.passerelle.connector.ConnectionContext;
import dev.passerelle.connector.FailureReason;
import dev.passerelle.connector.InstitutionHttp;
import dev.passerelle.connector.Interruption;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * Banque Exemple's HTTP API, one method per route. Problems every route shares become an
 * {@link Interruption} (throttling, an outage, an expired token on a data route); the refusals a
 * login route documents (a wrong password, a wrong code) are a {@link Refused} the step turns into
 * its answer.
 */
final class ExampleBankApi {

    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final InstitutionHttp http;
    private final URI base;

    private ExampleBankApi(InstitutionHttp http, URI base) {
        this.http = http;
        this.base = base;
    }

    /** The API at the connector's {@code api-url} setting, reached with the server's HTTP client. */
    static ExampleBankApi of(ConnectionContext ctx) {
        URI base = ctx.settings().url(ExampleBankConnector.API_URL).orElseThrow();
        return new ExampleBankApi(ctx.http(), base);
    }

    /** {@code POST /login}: the institution checks the password and sends a code by SMS. */
    LoginChallenge login(String login, String password) throws Refused {
        return call(post("login", Map.of("login", login, "password", password)), LoginChallenge.class);
    }

    /** {@code POST /login/otp}: the code the user received, exchanged for an access token. */
    AccessToken confirm(String challenge, String code) throws Refused {
        return call(post("login/otp", Map.of("challenge", challenge, "code", code)), AccessToken.class);
    }

    /** {@code GET /accounts}. */
    List<BankAccount> accounts(String token) {
        return read(get("accounts", token), AccountList.class).accounts();
    }

    /** {@code GET /accounts/{id}/operations?from=}: the account's operations booked from {@code from} on. */
    List<Operation> operations(String token, String accountId, LocalDate from) {
        String path = "accounts/" + URLEncoder.encode(accountId, StandardCharsets.UTF_8) + "/operations?from=" + from;
        return read(get(path, token), OperationList.class).operations();
    }

    private HttpRequest post(String path, Map<String, String> body) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
    }

    private HttpRequest get(String path, String token) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
    }

    /** A data route: a refused token means the user must sign in again, with a new code. */
    private <T> T read(HttpRequest request, Class<T> type) {
        try {
            return call(request, type);
        } catch (Refused refused) {
            if (refused.status() == 401) {
                throw Interruption.scaRequired(refused.getMessage());
            }
            throw new IllegalStateException("Banque Exemple refused " + request.uri().getPath() + ": " + refused.error());
        }
    }

    private <T> T call(HttpRequest request, Class<T> type) throws Refused {
        HttpResponse<String> response = send(request);
        int status = response.statusCode();
        if (status == 429) {
            Duration retryAfter = response.headers().firstValue("Retry-After")
                    .map(seconds -> Duration.ofSeconds(Long.parseLong(seconds.trim()))).orElse(null);
            throw Interruption.rateLimited("Banque Exemple is busy; the connection will be refreshed later",
                    retryAfter);
        }
        if (status >= 500) {
            throw Interruption.failure(FailureReason.WEBSITE_UNAVAILABLE, "Banque Exemple is unavailable");
        }
        if (status >= 400) {
            BankError error = JSON.readValue(response.body(), BankError.class);
            throw new Refused(status, error);
        }
        return JSON.readValue(response.body(), type);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw Interruption.failure(FailureReason.WEBSITE_UNAVAILABLE, "Banque Exemple cannot be reached");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Interruption.failure(FailureReason.WEBSITE_UNAVAILABLE, "The call to Banque Exemple was interrupted");
        }
    }

    /** {@code POST /login} accepted the password: a code was sent to {@code sentTo}. */
    record LoginChallenge(String challenge, String sentTo, long expiresIn) {
    }

    record AccessToken(String accessToken, long expiresIn) {
    }

    record BankAccount(String id, String iban, String label, String kind, BigDecimal balance, String currency) {
    }

    record Operation(String id, LocalDate bookedOn, BigDecimal amount, String label, String kind) {
    }

    /** The error body of every route: a code for programs and a message for the user. */
    record BankError(String error, String message, Integer attemptsLeft) {
    }

    private record AccountList(List<BankAccount> accounts) {
    }

    private record OperationList(List<Operation> operations) {
    }

    /** A refusal a login route documents: the institution's code, its words, the attempts left. */
    static final class Refused extends Exception {

        private final int status;
        private final BankError error;

        Refused(int status, BankError error) {
            super(error.message(), null, false, false);
            this.status = status;
            this.error = error;
        }

        int status() {
            return status;
        }

        String error() {
            return error.error();
        }

        Integer attemptsLeft() {
            return error.attemptsLeft();
        }
    }
}
