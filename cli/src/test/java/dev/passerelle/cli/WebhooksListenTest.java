package dev.passerelle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
            listening.interrupt();
            listening.join();
            never.countDown();
            server.stop(0);
            threads.shutdownNow();
        }

        assertThat(ended.get().err()).contains("Ready: forwarding").contains("The webhook stream broke")
                .contains("reconnecting");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
