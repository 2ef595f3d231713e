package dev.passerelle.client;

import dev.passerelle.client.model.Webhook;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The open stream of a listener endpoint ({@code GET /webhooks/listen}), read as the
 * Server-Sent-Events format says (HTML Living Standard, "Server-sent events", §9.2.6): the
 * {@code ready} event first ({@link #endpoint()}), then one {@link Delivery} per {@link #next()}.
 * Blocking; {@link #close()} from another thread ends a waiting {@code next()}. An event longer than
 * the client's {@code maxBodySize}, one that cannot be read, or a broken stream fails with
 * {@link ApiConnectionException}: a server cannot fill the heap with a line that never ends.
 */
public final class WebhookStream implements AutoCloseable {

    /**
     * One call as the server signed it for the endpoint's URL: post {@code body} (UTF-8) there with
     * {@code headers} and the signatures check out.
     */
    public record Delivery(long idWebhookData, long idWebhook, String event, String url,
                           Map<String, List<String>> headers, String body) {

        /**
         * Names only: the headers carry the endpoint's secret itself for a {@code bearer} endpoint
         * ({@code Authorization: Bearer <secret>}), and the body the user's data.
         */
        @Override
        public String toString() {
            return "Delivery[" + idWebhookData + " " + event + " to " + url + "]";
        }
    }

    /** One event of the stream: its name and its data lines joined. */
    private record Event(String name, String data) {
    }

    private final JsonMapper json = Wire.json();
    private final InputStream body;
    private final BufferedReader chars;
    private final long maxEventSize;
    private final Webhook endpoint;
    private boolean afterCarriageReturn;

    WebhookStream(InputStream body, long maxEventSize) {
        this.body = body;
        this.chars = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        this.maxEventSize = maxEventSize;
        this.endpoint = read().filter(event -> event.name().equals("ready"))
                .map(event -> parse(event, Webhook.class))
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
                return Optional.of(parse(event.get(), Delivery.class));
            }
        }
        return Optional.empty();
    }

    private Optional<Event> read() {
        try {
            String name = "message";
            StringBuilder data = null;
            for (String line = line(0); line != null; line = line(data == null ? 0 : data.length())) {
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
            throw new ApiConnectionException("The webhook stream broke: " + e.getMessage(), e);
        }
    }

    /**
     * The next line without its end (LF, CRLF or CR, as §9.2.5 allows), or null at the end of the
     * stream; {@code used} characters of the event are already read, and the line may not take it past
     * the limit. A CR's LF is skipped when it comes, so a line ends without waiting for the next one.
     */
    private String line(long used) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = chars.read(); c != -1; c = chars.read()) {
            boolean skipped = afterCarriageReturn && c == '\n';
            afterCarriageReturn = c == '\r';
            if (c == '\n' && !skipped || c == '\r') {
                return line.toString();
            }
            if (!skipped) {
                if (used + line.length() >= maxEventSize) {
                    throw new ApiConnectionException("An event of the webhook stream is longer than " + maxEventSize
                            + " characters", null);
                }
                line.append((char) c);
            }
        }
        return line.isEmpty() ? null : line.toString();
    }

    private <T> T parse(Event event, Class<T> type) {
        try {
            return json.readValue(event.data(), type);
        } catch (JacksonException e) {
            throw new ApiConnectionException("Unreadable '" + event.name() + "' event of the webhook stream: "
                    + e.getOriginalMessage(), e);
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
