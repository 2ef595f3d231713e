import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The training run of the production launch's AOT cache (build-aot-cache.sh, JDK 25+): starts the
 * server as ./passerelle does, with -XX:AOTCacheOutput, waits for its first answer to
 * {@code GET /2.0/connectors}, then stops it (SIGTERM), and the JVM writes the cache as it exits.
 * The cache then holds what the whole start loads and links, the web server's start and a first
 * request included, not only the context's refresh (docs/performance.md, P4).
 *
 * <pre>java TrainingRun.java &lt;java&gt; &lt;jvm options file&gt; &lt;cache to write&gt; &lt;server jar&gt; &lt;data dir&gt;</pre>
 *
 * Run as a source file by the JDK itself, so the build needs no HTTP client of the system's.
 */
public final class TrainingRun {

    private static final Duration START_LIMIT = Duration.ofMinutes(5);
    /** The stop includes writing the cache, a minute or more on a slow machine. */
    private static final Duration STOP_LIMIT = Duration.ofMinutes(10);

    private TrainingRun() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            throw new IllegalArgumentException("usage: TrainingRun <java> <jvm options file> <cache> <server jar> <data dir>");
        }
        int port = freePort();
        Process server = new ProcessBuilder(List.of(args[0], "@" + args[1], "-XX:AOTCacheOutput=" + args[2],
                "-jar", args[3], "--server.port=" + port, "--passerelle.data-dir=" + args[4]))
                .inheritIO().start();
        try {
            awaitFirstAnswer(server, URI.create("http://127.0.0.1:" + port + "/2.0/connectors"));
        } finally {
            server.destroy();
            if (!server.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                server.destroyForcibly();
                throw new IllegalStateException("the training server did not stop within " + STOP_LIMIT);
            }
        }
    }

    private static void awaitFirstAnswer(Process server, URI uri) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build();
        Instant deadline = Instant.now().plus(START_LIMIT);
        while (Instant.now().isBefore(deadline)) {
            if (!server.isAlive()) {
                throw new IllegalStateException("the training server exited with " + server.exitValue() + " before answering");
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // the web server starts last
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the training server did not answer " + uri + " within " + START_LIMIT);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
