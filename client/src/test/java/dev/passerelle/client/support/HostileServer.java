package dev.passerelle.client.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A server on loopback that answers whatever a test scripts, as a hostile or broken API root would:
 * real HTTP, each call on its own thread so that one may stall forever (on {@link #never()}) while
 * others are answered. Keeps the {@code Authorization} header of every call it received.
 */
public final class HostileServer implements AutoCloseable {

    /** How one call is answered. */
    @FunctionalInterface
    public interface Script {
        void answer(HttpExchange exchange) throws IOException, InterruptedException;
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final CountDownLatch never = new CountDownLatch(1);
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    public HostileServer(Script script) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            try (exchange) {
                script.answer(exchange);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
    }

    /** An answer with this status and body, its length announced. */
    public static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** A {@code status} answer whose body never ends: chunks until the client hangs up. */
    public static void endless(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, 0);
        byte[] chunk = new byte[64 * 1024];
        while (true) {
            exchange.getResponseBody().write(chunk);
        }
    }

    /** The origin, {@code http://127.0.0.1:port}. */
    public String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The API root it stands for. */
    public String api() {
        return origin() + "/2.0";
    }

    /** A latch released only when the server closes: what a stalled answer waits on. */
    public CountDownLatch never() {
        return never;
    }

    /** The {@code Authorization} header of each call received, {@code "null"} for none. */
    public List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    @Override
    public void close() {
        never.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
