package dev.passerelle.multiinstance;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * An integrator's webhook endpoint on a port chosen up front but listened on only from
 * {@link #listenHoldingFirstCall()}: until then every delivery fails and waits for a retry. The
 * first call it takes is recorded but left unanswered until {@link #release()}, so that the test
 * can kill the instance posting it before it learns the call arrived.
 */
final class WebhookListener implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int port;
    /** One call as received, with when ({@link System#nanoTime()}). */
    private record Call(String body, long at) {
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicBoolean holding = new AtomicBoolean(true);
    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private HttpServer server;

    WebhookListener() {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + port + "/powens/webhooks";
    }

    void listenHoldingFirstCall() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.setExecutor(handlers);
        server.createContext("/", exchange -> {
            calls.add(new Call(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), System.nanoTime()));
            if (holding.compareAndSet(true, false)) {
                held.countDown();
                awaitRelease();
            }
            try {
                exchange.sendResponseHeaders(200, -1);
            } catch (IOException senderGone) {
                // the instance that posted the held call was killed meanwhile
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    boolean awaitHeldCall() throws InterruptedException {
        return held.await(2, TimeUnit.MINUTES);
    }

    void release() {
        released.countDown();
    }

    private void awaitRelease() {
        try {
            released.await(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Every body received, grouped by the dedupe id it carries. */
    Map<Long, List<String>> bodiesByDedupeId() {
        return calls.stream().map(Call::body).collect(Collectors.groupingBy(WebhookListener::dedupeId));
    }

    /** How long after the held call the same delivery came again; empty if it did not. */
    Optional<Duration> heldCallRepeatedAfter() {
        long held = dedupeId(calls.getFirst().body());
        return calls.stream().skip(1).filter(call -> dedupeId(call.body()) == held).findFirst()
                .map(repeat -> Duration.ofNanos(repeat.at() - calls.getFirst().at()));
    }

    /** The id an integrator ignores repeats by (docs/webhooks.md: {@code id_webhook_data}, one per delivery). */
    static long dedupeId(String body) {
        return JSON.readTree(body).get("id_webhook_data").asLong();
    }

    /** The body's event, as the test tells them apart: a user ({@code USER_CREATED}) or a connection ({@code CONNECTION_SYNCED}). */
    static String subject(String body) {
        var json = JSON.readTree(body);
        return json.has("connection") ? "connection " + json.get("connection").get("id").asLong()
                : "user " + json.get("id").asLong();
    }

    @Override
    public void close() {
        release();
        if (server != null) {
            server.stop(0);
        }
        handlers.shutdownNow();
    }
}
