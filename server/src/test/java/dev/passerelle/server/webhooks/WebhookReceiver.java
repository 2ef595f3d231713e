package dev.passerelle.server.webhooks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An integrator's webhook listener on a free local port: records every call and answers 200, or
 * the statuses queued with {@link #answerNext}.
 */
final class WebhookReceiver implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One call as received; {@code timestamped} is the Passerelle-Signature header, {@code event} X-Passerelle-Event. */
    record Received(String path, String date, String signature, String authorization, String timestamped,
                    String event, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        long idWebhookData() {
            return json().get("id_webhook_data").asLong();
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Deque<Integer> statuses = new ArrayDeque<>();

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var headers = exchange.getRequestHeaders();
            received.add(new Received(exchange.getRequestURI().getRawPath(), headers.getFirst("BI-Signature-Date"),
                    headers.getFirst("BI-Signature"), headers.getFirst("Authorization"),
                    headers.getFirst("Passerelle-Signature"), headers.getFirst("X-Passerelle-Event"), body));
            Integer status;
            synchronized (statuses) {
                status = statuses.poll();
            }
            exchange.sendResponseHeaders(status == null ? 200 : status, -1);
            exchange.close();
        });
        server.start();
    }

    /** The listener URL at {@code path}. */
    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    void answerNext(int status) {
        synchronized (statuses) {
            statuses.add(status);
        }
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
