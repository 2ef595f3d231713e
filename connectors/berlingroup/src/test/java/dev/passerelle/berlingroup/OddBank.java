package dev.passerelle.berlingroup;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.passerelle.berlingroup.directory.BankDescriptor;
import dev.passerelle.connector.AuthMechanism;
import dev.passerelle.connector.StepResult;
import dev.passerelle.testkit.Dialogue;
import dev.passerelle.testkit.TestClock;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A bank that answers as a test scripts it, over plain HTTP on the loopback: a well-behaved redirect
 * bank (global consent, one account) by default, and on any path the test names whatever it likes
 * (broken JSON, an endless body, odd headers, links elsewhere), as testers' own fakes of an ASPSP do.
 * The connector reaches it configured as an operator would, with a one-second timeout.
 */
final class OddBank implements AutoCloseable {

    /** What the bank answers to one request. */
    @FunctionalInterface
    interface Answer {
        void answer(HttpExchange exchange) throws IOException;
    }

    static final String CONSENT = "c-1";
    static final String ACCOUNT = "acc-1";

    final TestClock clock = TestClock.at("2025-03-14T09:30:00Z");
    private final HttpServer server;
    private final Map<String, Answer> scripted = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    private OddBank() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
                Answer answer = scripted.getOrDefault(exchange.getRequestMethod() + " " + path, this::wellBehaved);
                answer.answer(exchange);
            } catch (IOException ignored) {
                // The connector hung up on a scripted answer: what the test wanted to see.
            }
        });
        server.start();
    }

    static OddBank start() {
        return new OddBank();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /**
     * From now on, {@code method path} (as {@code GET /v1/accounts}) is answered by {@code answer}; by
     * the well-behaved bank again when {@code null}.
     */
    OddBank on(String call, Answer answer) {
        if (answer == null) {
            scripted.remove(call);
        } else {
            scripted.put(call, answer);
        }
        return this;
    }

    /** The requests the bank received, as {@code GET /v1/accounts?withBalance=true}. */
    List<String> requests() {
        return List.copyOf(requests);
    }

    /** A redirect connection, authorised: the consent is valid, its data calls can start. */
    Dialogue connected() {
        Dialogue dialogue = webauth();
        StepResult redirect = dialogue.start();
        if (!(redirect instanceof StepResult.Redirect)) {
            throw new AssertionError("The bank's consent did not lead to its pages: " + redirect);
        }
        StepResult back = dialogue.returnFromInstitution(dialogue.interaction().orElseThrow().callbackUrl());
        if (!(back instanceof StepResult.Success)) {
            throw new AssertionError("The consent was not granted: " + back);
        }
        return dialogue;
    }

    Dialogue webauth() {
        Map<String, String> directory = Map.of(
                "banks[0].name", "Odd Bank",
                "banks[0].uuid", SimulatedBank.UUID,
                "banks[0].country", "DE",
                "banks[0].base-url", baseUrl().toString(),
                "banks[0].sca-approaches", "redirect,oauth",
                "banks[0].oauth-client-id", SimulatedBank.CLIENT_ID,
                "banks[0].consent-model", "global",
                "banks[0].card-accounts", "false",
                "banks[0].timeout", "PT1S");
        return Dialogue.with(new BerlinGroupProvider().connectors(directory).getFirst()).clock(clock).serverHttp()
                .source(BankDescriptor.OPEN_API).mechanism(AuthMechanism.WEBAUTH).build();
    }

    /** Sends {@code status} with a JSON body. */
    static Answer json(int status, String body) {
        return exchange -> send(exchange, status, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** A bank that follows the standard: the answers the connector's happy path needs. */
    private void wellBehaved(HttpExchange exchange) throws IOException {
        String call = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
        String body = switch (call) {
            case "POST /v1/consents" -> """
                    {"consentStatus": "received", "consentId": "%s",
                     "_links": {"scaRedirect": {"href": "https://pages.bank.example/sca?c=%s"},
                                "scaStatus": {"href": "/v1/consents/%s/authorisations/a-1"}}}
                    """.formatted(CONSENT, CONSENT, CONSENT);
            case "GET /v1/consents/" + CONSENT + "/authorisations/a-1" -> "{\"scaStatus\": \"finalised\"}";
            case "GET /v1/consents/" + CONSENT + "/status" -> "{\"consentStatus\": \"valid\"}";
            case "GET /v1/consents/" + CONSENT -> """
                    {"access": {"allPsd2": "allAccounts"}, "recurringIndicator": true, "validUntil": "2025-09-10",
                     "frequencyPerDay": 4, "lastActionDate": "2025-03-14", "consentStatus": "valid"}
                    """;
            case "GET /v1/accounts" -> """
                    {"accounts": [{"resourceId": "%s", "iban": "DE89370400440532013000", "currency": "EUR",
                                   "name": "Girokonto", "cashAccountType": "CACC",
                                   "balances": [{"balanceType": "interimBooked",
                                                 "balanceAmount": {"currency": "EUR", "amount": "123.45"}}]}]}
                    """.formatted(ACCOUNT);
            case "GET /v1/accounts/" + ACCOUNT + "/transactions" -> """
                    {"account": {"iban": "DE89370400440532013000"},
                     "transactions": {"booked": [{"transactionId": "t-1", "bookingDate": "2025-03-10",
                        "transactionAmount": {"currency": "EUR", "amount": "-12.30"},
                        "remittanceInformationUnstructured": "Bakery"}], "pending": []}}
                    """;
            case "DELETE /v1/consents/" + CONSENT -> "";
            default -> null;
        };
        if (body == null) {
            json(404, "{\"tppMessages\": [{\"category\": \"ERROR\", \"code\": \"RESOURCE_UNKNOWN\"}]}").answer(exchange);
        } else {
            send(exchange, body.isEmpty() ? 204 : 200, "application/json", body.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
