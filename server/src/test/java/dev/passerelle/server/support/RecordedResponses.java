package dev.passerelle.server.support;

import dev.passerelle.server.api.RoutedPath;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every response {@link TestApi} received in this test JVM, kept so that {@code RecordedResponsesConformTest}
 * can check them against the server's own OpenAPI document after the integration tests ran: the
 * document cannot drift from what the code answers. A few of each kind are kept (method, path shape,
 * status), enough to see every shape without holding a whole run's bodies.
 */
public final class RecordedResponses {

    /** One response: the request's method and path (no query), the status, content type and body. */
    public record Exchange(String method, String path, int status, String contentType, String body) {
    }

    private static final int PER_KIND = 8;
    private static final Map<String, List<Exchange>> BY_KIND = new ConcurrentHashMap<>();
    private static final AtomicInteger SEEN = new AtomicInteger();
    /** Set on a thread walking a tour whose every response must be checked (see {@link #keepingEvery}). */
    private static final ThreadLocal<Boolean> KEEP_EVERY = ThreadLocal.withInitial(() -> false);

    private RecordedResponses() {
    }

    /**
     * Keeps the response if it is of a kind not kept often enough yet. A path written otherwise than
     * routed ({@code /auth;x/init}, {@code /%61uth/init}: the edge tests' spellings) says nothing the
     * document does not already hear from the plain spelling, and the document's validator cannot read it.
     */
    static void record(String method, String pathAndQuery, TestApi.Response response) {
        SEEN.incrementAndGet();
        String path = URI.create("http://localhost" + pathAndQuery).getRawPath();
        if (!RoutedPath.of(path).equals(path)) {
            return;
        }
        String kind = method + " " + path.replaceAll("/\\d[\\d,]*", "/{n}") + " " + response.status();
        List<Exchange> kept = BY_KIND.computeIfAbsent(kind, k -> new java.util.concurrent.CopyOnWriteArrayList<>());
        if (kept.size() < PER_KIND || KEEP_EVERY.get()) {
            kept.add(new Exchange(method, path, response.status(), response.header("Content-Type"), response.text()));
        }
    }

    /**
     * Runs {@code walk} keeping every response it gets on this thread, past the few of each kind: a
     * walk meant to show every shape (a connection in each state) must not lose its responses to the
     * tests that filled the same kinds before it.
     */
    public static void keepingEvery(Runnable walk) {
        KEEP_EVERY.set(true);
        try {
            walk.run();
        } finally {
            KEEP_EVERY.remove();
        }
    }

    /** What was kept so far. */
    public static List<Exchange> kept() {
        return BY_KIND.values().stream().flatMap(List::stream).toList();
    }

    /** How many responses were seen in all, kept or not. */
    public static int seen() {
        return SEEN.get();
    }
}
