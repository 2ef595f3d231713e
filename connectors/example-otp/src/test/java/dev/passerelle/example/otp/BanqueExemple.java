package dev.passerelle.example.otp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The institution, faked for the tests: Banque Exemple's JSON API on the loopback, with one customer
 * ({@code alice} / {@value #PASSWORD}) and two accounts. It checks the password, "sends" a six-digit
 * code by SMS (kept in {@link #smsSentTo}), grants a token for the right code, and reads time from
 * the test's clock, so that codes and tokens expire when the test moves it.
 */
final class BanqueExemple implements AutoCloseable {

    static final String LOGIN = "alice";
    static final String PASSWORD = "correct horse";
    static final Duration CODE_LIFETIME = Duration.ofMinutes(5);
    static final Duration TOKEN_LIFETIME = Duration.ofDays(90);
    private static final int ATTEMPTS = 3;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Clock clock;
    private final HttpServer server;
    private final Map<String, PendingCode> challenges = new HashMap<>();
    private final Map<String, Instant> tokens = new HashMap<>();
    private final List<String> sms = new ArrayList<>();
    private int nextCode = 271828;
    private int busyFor;

    private BanqueExemple(Clock clock) {
        this.clock = clock;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/", this::serve);
        server.start();
    }

    /** Opens the institution on a free loopback port. */
    static BanqueExemple open(Clock clock) {
        return new BanqueExemple(clock);
    }

    /** What the connector's {@code api-url} setting names. */
    String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/";
    }

    /** The codes sent by SMS so far, oldest first: what the user reads on their phone. */
    List<String> smsSentTo() {
        return List.copyOf(sms);
    }

    String lastCode() {
        return sms.getLast();
    }

    /** The institution revokes every token it granted (the user changed their password at the bank). */
    void revokeTokens() {
        tokens.clear();
    }

    /** The next {@code calls} requests are answered 429 with {@code Retry-After: 120}. */
    void throttle(int calls) {
        busyFor = calls;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private synchronized void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (busyFor > 0) {
                busyFor--;
                exchange.getResponseHeaders().add("Retry-After", "120");
                answer(exchange, 429, Map.of("error", "busy", "message", "Too many requests"));
                return;
            }
            String route = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath().substring("/v1".length());
            switch (route) {
                case "POST /login" -> login(exchange, JSON.readTree(exchange.getRequestBody()));
                case "POST /login/otp" -> confirm(exchange, JSON.readTree(exchange.getRequestBody()));
                case "GET /accounts" -> {
                    if (signedIn(exchange)) {
                        answer(exchange, 200, Map.of("accounts", List.of(
                                account("cc-1", "FR7630001007941234567890185", "Compte courant", "current", "1523.47"),
                                account("ld-1", "FR7630001007949876543210112", "LDDS", "savings", "8000.00"))));
                    }
                }
                default -> operations(exchange, route);
            }
        }
    }

    private void login(HttpExchange exchange, JsonNode body) throws IOException {
        if (!LOGIN.equals(body.path("login").asString()) || !PASSWORD.equals(body.path("password").asString())) {
            answer(exchange, 401, Map.of("error", "invalid_credentials", "message", "Identifiant ou mot de passe incorrect"));
            return;
        }
        String challenge = "ch-" + nextCode;
        String code = String.valueOf(nextCode++);
        challenges.put(challenge, new PendingCode(code, clock.instant().plus(CODE_LIFETIME), ATTEMPTS));
        sms.add(code);
        answer(exchange, 200, Map.of("challenge", challenge, "sent_to", "+33 6 •• •• •• 42",
                "expires_in", CODE_LIFETIME.toSeconds()));
    }

    private void confirm(HttpExchange exchange, JsonNode body) throws IOException {
        String challenge = body.path("challenge").asString();
        PendingCode pending = challenges.get(challenge);
        if (pending == null || !clock.instant().isBefore(pending.expires()) || pending.attemptsLeft() == 0) {
            challenges.remove(challenge);
            answer(exchange, 410, Map.of("error", "challenge_expired", "message", "Ce code a expiré"));
            return;
        }
        if (!pending.code().equals(body.path("code").asString())) {
            PendingCode left = pending.withAttemptsLeft(pending.attemptsLeft() - 1);
            challenges.put(challenge, left);
            answer(exchange, 401, Map.of("error", "invalid_code", "message", "Code incorrect",
                    "attempts_left", left.attemptsLeft()));
            return;
        }
        challenges.remove(challenge);
        String token = "tok-" + UUID.randomUUID();
        tokens.put(token, clock.instant().plus(TOKEN_LIFETIME));
        answer(exchange, 200, Map.of("access_token", token, "expires_in", TOKEN_LIFETIME.toSeconds()));
    }

    /** {@code GET /accounts/{id}/operations?from=}: three operations of each account, on fixed dates. */
    private void operations(HttpExchange exchange, String route) throws IOException {
        String[] parts = route.split("/");
        if (!route.startsWith("GET /accounts/") || parts.length != 4 || !parts[3].equals("operations")) {
            answer(exchange, 404, Map.of("error", "not_found", "message", "No such route"));
            return;
        }
        if (!signedIn(exchange)) {
            return;
        }
        String account = parts[2];
        LocalDate from = LocalDate.parse(exchange.getRequestURI().getQuery().substring("from=".length()));
        List<Map<String, Object>> operations = new ArrayList<>();
        operation(operations, from, account + "-op-1", "2024-03-01", "-42.90", "CB MONOPRIX 28/02", "card");
        operation(operations, from, account + "-op-2", "2024-03-05", "2100.00", "VIR SALAIRE MARS", "transfer");
        operation(operations, from, account + "-op-3", "2024-03-11", "-61.20", "PRLV EDF", "direct_debit");
        answer(exchange, 200, Map.of("operations", operations));
    }

    private boolean signedIn(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        Instant expires = authorization == null ? null : tokens.get(authorization.substring("Bearer ".length()));
        if (expires == null || !clock.instant().isBefore(expires)) {
            answer(exchange, 401, Map.of("error", "invalid_token", "message", "Votre session a expiré"));
            return false;
        }
        return true;
    }

    private static Map<String, Object> account(String id, String iban, String label, String kind, String balance) {
        Map<String, Object> account = new LinkedHashMap<>();
        account.put("id", id);
        account.put("iban", iban);
        account.put("label", label);
        account.put("kind", kind);
        account.put("balance", new BigDecimal(balance));
        account.put("currency", "EUR");
        return account;
    }

    private static void operation(List<Map<String, Object>> into, LocalDate from, String id, String date,
                                  String amount, String label, String kind) {
        if (!LocalDate.parse(date).isBefore(from)) {
            into.add(Map.of("id", id, "booked_on", date, "amount", new BigDecimal(amount), "label", label,
                    "kind", kind));
        }
    }

    private static void answer(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private record PendingCode(String code, Instant expires, int attemptsLeft) {
        PendingCode withAttemptsLeft(int left) {
            return new PendingCode(code, expires, left);
        }
    }
}
