package dev.passerelle.server.support;

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

    private RecordedResponses() {
    }

    static void record(String method, String pathAndQuery, TestApi.Response response) {
        SEEN.incrementAndGet();
        String path = URI.create("http://localhost" + pathAndQuery).getRawPath();
        String kind = method + " " + path.replaceAll("/\\d[\\d,]*", "/{n}") + " " + response.status();
        List<Exchange> kept = BY_KIND.computeIfAbsent(kind, k -> new java.util.concurrent.CopyOnWriteArrayList<>());
        if (kept.size() < PER_KIND) {
            kept.add(new Exchange(method, path, response.status(), response.header("Content-Type"), response.text()));
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
