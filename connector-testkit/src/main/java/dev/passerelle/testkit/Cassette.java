package dev.passerelle.testkit;

import dev.passerelle.connector.InstitutionHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import javax.net.ssl.SSLSession;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records a connector's HTTP exchanges with a real institution once, then replays them in every
 * later test run, offline and deterministic. Give the {@link Dialogue} {@link #http(InstitutionHttp)}:
 * it records when the cassette file does not exist yet or when the build runs with
 * {@code -Dpasserelle.cassettes=record}, and replays otherwise. Secrets never reach the file: the
 * {@code Authorization}, {@code Cookie} and {@code Proxy-Authorization} headers and every value given
 * to {@link #masking} are written as {@code ****}, and a live request is masked the same way before
 * it is matched on replay (method, URI and body; each recorded exchange answers once).
 */
public final class Cassette implements AutoCloseable {

    /** The system property that forces recording: {@code -Dpasserelle.cassettes=record}. */
    public static final String MODE = "passerelle.cassettes";

    private static final String MASK = "****";
    private static final Set<String> SECRET_HEADERS = Set.of("authorization", "cookie", "proxy-authorization",
            "set-cookie");
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** The file's shape. */
    record Tape(List<Exchange> exchanges) {
    }

    private final Path file;
    private final List<String> secrets = new ArrayList<>();
    private final List<Exchange> recorded = Collections.synchronizedList(new ArrayList<>());
    private List<Exchange> played;
    private final List<Exchange> used = Collections.synchronizedList(new ArrayList<>());
    private boolean recording;

    private Cassette(Path file) {
        this.file = file;
    }

    public static Cassette at(Path file) {
        return new Cassette(file);
    }

    /** Values to write as {@code ****} (tokens, client secrets, the user's login…). */
    public Cassette masking(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                secrets.add(value);
            }
        }
        return this;
    }

    /** Recording through {@code real} (no file yet, or {@code -Dpasserelle.cassettes=record}), else replaying. */
    public InstitutionHttp http(InstitutionHttp real) {
        return "record".equals(System.getProperty(MODE)) || !Files.exists(file) ? recording(real) : replaying();
    }

    /** Records every exchange made through {@code real}; {@link #close()} writes them. */
    public InstitutionHttp recording(InstitutionHttp real) {
        recording = true;
        return new InstitutionHttp() {
            @Override
            public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
                    throws IOException, InterruptedException {
                String body = bodyOf(request);
                HttpResponse<byte[]> response = real.send(request, HttpResponse.BodyHandlers.ofByteArray());
                recorded.add(exchange(request, body, response));
                return delivered(request, response.statusCode(), response.headers(), response.body(), handler);
            }
        };
    }

    /** Answers from the recorded file; a request that matches no unused exchange fails the test. */
    public InstitutionHttp replaying() {
        played = read();
        return new InstitutionHttp() {
            @Override
            public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
                String method = request.method();
                String uri = masked(request.uri().toString());
                String body = Optional.ofNullable(bodyOf(request)).map(Cassette.this::masked).orElse(null);
                Exchange match;
                synchronized (used) {
                    match = played.stream().filter(e -> !used.contains(e) && e.answers(method, uri, body)).findFirst()
                            .orElseThrow(() -> new AssertionError("No recorded exchange answers " + method + " " + uri
                                    + (body == null ? "" : " with body " + body) + " in " + file
                                    + "; record again with -D" + MODE + "=record"));
                    used.add(match);
                }
                byte[] responseBody = match.responseBase64()
                        ? Base64.getDecoder().decode(match.responseBody())
                        : match.responseBody().getBytes(StandardCharsets.UTF_8);
                return delivered(request, match.status(), HttpHeaders.of(match.responseHeaders(), (a, b) -> true),
                        responseBody, handler);
            }
        };
    }

    /** The exchanges recorded so far, or the recorded file's. */
    public List<Exchange> exchanges() {
        return recording ? List.copyOf(recorded) : played == null ? read() : List.copyOf(played);
    }

    /** Writes what was recorded; nothing when replaying. */
    @Override
    public void close() {
        if (!recording) {
            return;
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            JSON.writeValue(file.toFile(), new Tape(List.copyOf(recorded)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Exchange> read() {
        return List.copyOf(JSON.readValue(file.toFile(), Tape.class).exchanges());
    }

    private Exchange exchange(HttpRequest request, String requestBody, HttpResponse<byte[]> response) {
        Optional<String> text = utf8(response.body());
        return new Exchange(request.method(), masked(request.uri().toString()), headers(request.headers()),
                requestBody == null ? null : masked(requestBody), response.statusCode(), headers(response.headers()),
                text.map(this::masked).orElseGet(() -> Base64.getEncoder().encodeToString(response.body())), text.isEmpty());
    }

    private Map<String, List<String>> headers(HttpHeaders headers) {
        Map<String, List<String>> kept = new TreeMap<>();
        headers.map().forEach((name, values) -> kept.put(name, SECRET_HEADERS.contains(name.toLowerCase())
                ? List.of(MASK) : values.stream().map(this::masked).toList()));
        return kept;
    }

    private String masked(String text) {
        String masked = text;
        for (String secret : secrets) {
            masked = masked.replace(secret, MASK);
        }
        return masked;
    }

    private static Optional<String> utf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** The request's body as text (base64 when binary), or {@code null} when it has none. */
    private static String bodyOf(HttpRequest request) {
        return request.bodyPublisher().map(Cassette::collect).map(bytes -> bytes.length == 0 ? null
                : utf8(bytes).orElseGet(() -> "base64:" + Base64.getEncoder().encodeToString(bytes))).orElse(null);
    }

    private static byte[] collect(Flow.Publisher<ByteBuffer> publisher) {
        CompletableFuture<byte[]> done = new CompletableFuture<>();
        publisher.subscribe(new Flow.Subscriber<>() {
            private final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                out.writeBytes(chunk);
            }

            @Override
            public void onError(Throwable throwable) {
                done.completeExceptionally(throwable);
            }

            @Override
            public void onComplete() {
                done.complete(out.toByteArray());
            }
        });
        return done.join();
    }

    /** Feeds {@code body} to the caller's handler, as the JDK client would. */
    private static <T> HttpResponse<T> delivered(HttpRequest request, int status, HttpHeaders headers, byte[] body,
                                                 HttpResponse.BodyHandler<T> handler) {
        HttpResponse.ResponseInfo info = new HttpResponse.ResponseInfo() {
            @Override
            public int statusCode() {
                return status;
            }

            @Override
            public HttpHeaders headers() {
                return headers;
            }

            @Override
            public HttpClient.Version version() {
                return HttpClient.Version.HTTP_1_1;
            }
        };
        HttpResponse.BodySubscriber<T> subscriber = handler.apply(info);
        subscriber.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
            }

            @Override
            public void cancel() {
            }
        });
        subscriber.onNext(List.of(ByteBuffer.wrap(body)));
        subscriber.onComplete();
        T value = subscriber.getBody().toCompletableFuture().join();
        return new Response<>(request, status, headers, value);
    }

    /** A response the cassette hands back. */
    private record Response<T>(HttpRequest request, int statusCode, HttpHeaders headers, T body)
            implements HttpResponse<T> {

        @Override
        public Optional<HttpResponse<T>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return Optional.empty();
        }

        @Override
        public URI uri() {
            return request.uri();
        }

        @Override
        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }

    @Override
    public String toString() {
        return "Cassette[" + file + (recording ? ", recording" : "") + "]";
    }
}
