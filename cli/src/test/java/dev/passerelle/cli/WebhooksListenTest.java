package dev.passerelle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code passerelle webhooks listen} against a scripted server whose stream breaks. */
class WebhooksListenTest {

    private static final String READY = "event: ready\ndata: {\"id\": 7, \"events\": [], \"secret\": \"whsec\"}\n\n";

    @Test
    @Timeout(60) // a hang guard: without the reconnection the second call never comes
    void aStreamThatBreaksIsOpenedAgain(@TempDir Path home) throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch reopened = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        ExecutorService threads = Executors.newCachedThreadPool();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            if (calls.incrementAndGet() > 1) {
                reopened.countDown();
                awaitQuietly(never);
                return;
            }
            byte[] ready = READY.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, ready.length + 100); // promises more than it sends: the stream breaks
            exchange.getResponseBody().write(ready);
            exchange.getResponseBody().flush();
            exchange.close();
        });
        server.start();
        String api = "http://127.0.0.1:" + server.getAddress().getPort() + "/2.0";
        new ConfigStore(home.resolve("passerelle")).save(Profile.empty(api).withClient(1, "secret").withConfigToken("cfg"));
        AtomicReference<CliRun> ended = new AtomicReference<>();
        Thread listening = Thread.ofPlatform().start(() -> ended.set(
                CliRun.run(home, "", "webhooks", "listen", "--forward-to", "http://127.0.0.1:9/hook")));
        try {
            reopened.await();
        } finally {
            stop(listening, never, server, threads);
        }

        assertThat(ended.get().err()).contains("Ready: forwarding").contains("The webhook stream broke")
                .contains("reconnecting");
    }

    /**
     * A delivery carrying headers java.net.http refuses to set (one it sets itself, a name that is no
     * HTTP token, a value with a line break) is forwarded without them, and the next one too: the
     * command keeps listening.
     */
    @Test
    @Timeout(60) // a hang guard: were the command to end, the latch is released by its end, not by a forward
    void aDeliveryWithHeadersTheJdkCannotSendIsForwardedWithoutThemAndListeningGoesOn(@TempDir Path home)
            throws Exception {
        String delivery = "event: delivery\ndata: {\"id_webhook_data\": %d, \"id_webhook\": 7, \"event\": \"USER_CREATED\","
                + " \"url\": \"http://example.com/hook\", \"headers\": {\"Host\": [\"example.com\"],"
                + " \"X Bad\\u001b[2J\": [\"v\"], \"X-Broken\": [\"a\\r\\nb\"], \"BI-Signature\": [\"sig-%d\"]},"
                + " \"body\": \"{}\"}\n\n";
        CountDownLatch never = new CountDownLatch(1);
        CountDownLatch forwardedOrEnded = new CountDownLatch(2);
        List<String> signatures = new CopyOnWriteArrayList<>();
        ExecutorService threads = Executors.newCachedThreadPool();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(threads);
        server.createContext("/2.0", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write((READY + delivery.formatted(1, 1) + delivery.formatted(2, 2))
                    .getBytes(StandardCharsets.UTF_8));
            exchange.getResponseBody().flush();
            awaitQuietly(never);
            exchange.close();
        });
        server.createContext("/hook", exchange -> {
            signatures.add(exchange.getRequestHeaders().getFirst("BI-Signature"));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
            forwardedOrEnded.countDown();
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        new ConfigStore(home.resolve("passerelle")).save(Profile.empty(base + "/2.0").withClient(1, "secret")
                .withConfigToken("cfg"));
        AtomicReference<CliRun> ended = new AtomicReference<>();
        Thread listening = Thread.ofPlatform().start(() -> {
            ended.set(CliRun.run(home, "", "webhooks", "listen", "--forward-to", base + "/hook"));
            while (forwardedOrEnded.getCount() > 0) {
                forwardedOrEnded.countDown();
            }
        });
        try {
            forwardedOrEnded.await();
            assertThat(ended.get()).as("the command still listens").isNull();
        } finally {
            stop(listening, never, server, threads);
        }

        assertThat(signatures).containsExactly("sig-1", "sig-2");
        assertThat(ended.get().err()).contains("not forwarded: Host, X Bad\uFFFD[2J, X-Broken")
                .doesNotContain("\u001b");
    }

    /** Stops the command, then releases the server's waiting handlers and the server. */
    private static void stop(Thread listening, CountDownLatch never, HttpServer server, ExecutorService threads)
            throws InterruptedException {
        listening.interrupt();
        listening.join();
        never.countDown();
        server.stop(0);
        threads.shutdownNow();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
