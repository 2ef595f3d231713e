package dev.passerelle.cli;

import dev.passerelle.client.ApiConnectionException;
import dev.passerelle.client.Passerelle;
import dev.passerelle.client.WebhookStream;
import dev.passerelle.client.WebhookStream.Delivery;
import dev.passerelle.client.model.Webhook;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code passerelle webhooks listen --forward-to URL}: receives the webhooks of the logged-in client
 * application through a stream from the server (which need not reach this machine) and posts each
 * one to the local app, with the body and signature headers exactly as the server signed them
 * (docs/webhooks.md, "Receiving webhooks on a developer machine"). Reconnects when the stream breaks.
 */
@Command(name = "listen", description = "Forward the server's webhooks to a local URL, signatures intact.")
final class WebhooksListenCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    @ParentCommand
    private WebhooksCommand webhooks;

    @Option(names = "--forward-to", required = true, paramLabel = "URL",
            description = "The local app's webhook URL, e.g. http://localhost:3000/powens/webhooks")
    private URI forwardTo;

    @Option(names = "--events", split = ",", paramLabel = "EVENT", description = "Only these events (default: all)")
    private List<String> events = List.of();

    @Option(names = "--auth", defaultValue = "hmac", paramLabel = "hmac|bearer",
            description = "Headers to sign with, as the endpoint's auth (default: ${DEFAULT-VALUE})")
    private String auth;

    @Option(names = "--client", paramLabel = "ID", description = "The client application (default: the one logged in)")
    private Long client;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    public Integer call() throws InterruptedException {
        PasserelleCommand root = webhooks.root;
        Passerelle admin = root.asAdmin();
        long clientId = Optional.ofNullable(client).or(() -> Optional.ofNullable(root.profile().clientId()))
                .orElseThrow(() -> new IllegalArgumentException("Which client application? Pass --client ID"));
        boolean first = true;
        AtomicReference<WebhookStream> open = new AtomicReference<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> Optional.ofNullable(open.get()).ifPresent(WebhookStream::close)));
        while (!Thread.currentThread().isInterrupted()) {
            try (WebhookStream stream = admin.webhooks().listen(clientId, forwardTo.toString(), events, auth)) {
                open.set(stream);
                if (first) {
                    ready(root.terminal, stream.endpoint(), clientId);
                    first = false;
                }
                for (Optional<Delivery> next = stream.next(); next.isPresent(); next = stream.next()) {
                    forward(root.terminal, next.get());
                }
            } catch (ApiConnectionException broken) {
                if (first) {
                    throw broken; // never opened: nothing to reconnect to
                }
                root.terminal.say(broken.getMessage() + "; reconnecting…");
            }
            Thread.sleep(2000);
        }
        return 0;
    }

    private void ready(Terminal terminal, Webhook endpoint, long clientId) {
        terminal.say("Ready: forwarding the webhooks of client " + clientId + " to " + forwardTo
                + " (listener endpoint " + endpoint.id() + ", events " + String.join(",", endpoint.events()) + ").");
        terminal.say("Your webhook signing secret is " + endpoint.secret() + " (Ctrl-C to stop)");
    }

    private void forward(Terminal terminal, Delivery delivery) {
        terminal.say(LocalTime.now().format(TIME) + "  --> " + delivery.event() + " [id_webhook_data " + delivery.idWebhookData() + "]");
        HttpRequest.Builder request = HttpRequest.newBuilder(forwardTo).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.body(), StandardCharsets.UTF_8));
        Set<String> skipped = withHeaders(request, delivery);
        if (!skipped.isEmpty()) {
            terminal.say("          (not forwarded: " + String.join(", ", skipped) + ", which java.net.http cannot send)");
        }
        try {
            int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            terminal.say(LocalTime.now().format(TIME) + "  <-- [" + status + "] POST " + forwardTo);
        } catch (IOException e) {
            terminal.say(LocalTime.now().format(TIME) + "  <-- failed: "
                    + Optional.ofNullable(e.getMessage()).orElse(e.getClass().getSimpleName()) + " (POST " + forwardTo
                    + "; `passerelle webhooks trigger` or a replay sends it again)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Puts the delivery's headers on {@code request}; returns the names of those java.net.http refuses
     * to send (those it sets itself, {@code Host}, {@code Content-Length}…, and names or values that are
     * not valid HTTP), which are left out rather than ending the command: the JDK decides, so that its
     * {@code jdk.httpclient.allowRestrictedHeaders} is honoured.
     */
    private static Set<String> withHeaders(HttpRequest.Builder request, Delivery delivery) {
        Set<String> skipped = new LinkedHashSet<>();
        delivery.headers().forEach((name, values) -> values.forEach(value -> {
            try {
                request.header(name, value);
            } catch (IllegalArgumentException refused) {
                skipped.add(name);
            }
        }));
        return skipped;
    }
}
