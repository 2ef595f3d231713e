package dev.passerelle.client;

import dev.passerelle.client.model.Webhook;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The open stream of a listener endpoint ({@code GET /webhooks/listen}), read as the
 * Server-Sent-Events format says (HTML Living Standard, "Server-sent events", §9.2.6): the
 * {@code ready} event first ({@link #endpoint()}), then one {@link Delivery} per {@link #next()}.
 * Blocking; {@link #close()} from another thread ends a waiting {@code next()}.
 */
public final class WebhookStream implements AutoCloseable {

    /**
     * One call as the server signed it for the endpoint's URL: post {@code body} (UTF-8) there with
     * {@code headers} and the signatures check out.
     */
    public record Delivery(long idWebhookData, long idWebhook, String event, String url,
                           Map<String, List<String>> headers, String body) {
    }

    /** One event of the stream: its name and its data lines joined. */
    private record Event(String name, String data) {
    }

    private final JsonMapper json = Wire.json();
    private final InputStream body;
    private final BufferedReader lines;
    private final Webhook endpoint;

    WebhookStream(InputStream body) {
        this.body = body;
        this.lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        this.endpoint = read().filter(event -> event.name().equals("ready"))
                .map(event -> json.readValue(event.data(), Webhook.class))
                .orElseThrow(() -> new ApiConnectionException("The stream did not start with its endpoint", null));
    }

    /** The listener endpoint, with its secret: what the local app checks signatures with. */
    public Webhook endpoint() {
        return endpoint;
    }

    /** The next delivery, waiting for it; empty once the server closed the stream. */
    public Optional<Delivery> next() {
        for (Optional<Event> event = read(); event.isPresent(); event = read()) {
            if (event.get().name().equals("delivery")) {
                return Optional.of(json.readValue(event.get().data(), Delivery.class));
            }
        }
        return Optional.empty();
    }

    private Optional<Event> read() {
        try {
            String name = "message";
            StringBuilder data = null;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if (data != null) {
                        return Optional.of(new Event(name, data.toString()));
                    }
                    name = "message";
                } else if (!line.startsWith(":")) {
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
                    if (field.equals("event")) {
                        name = value;
                    } else if (field.equals("data")) {
                        data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                    }
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("The webhook stream broke", e);
        }
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException ignored) {
            // closing is all that was asked
        }
    }
}
