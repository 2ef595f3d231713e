package dev.passerelle.client;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One API root and bearer token: builds the calls, sends them with the retry policy, turns an error
 * envelope into the matching {@link ApiException} and a 2xx body into a model.
 */
final class Transport {

    /** The error envelope as the wire carries it; every member may be missing on a foreign server. */
    private record Envelope(String code, String description, String message, String requestId) {
    }

    private static final String USER_AGENT = "passerelle-java/" + Optional.ofNullable(
            Transport.class.getPackage().getImplementationVersion()).orElse("dev");

    private final URI root;
    private final String token;
    private final HttpClient http;
    private final RetryPolicy retry;
    private final Duration timeout;
    private final long maxBodySize;
    private final JsonMapper json = Wire.json();

    Transport(URI root, String token, HttpClient http, RetryPolicy retry, Duration timeout, long maxBodySize) {
        String text = root.toString();
        this.root = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        this.token = token;
        this.http = http;
        this.retry = retry;
        this.timeout = timeout;
        this.maxBodySize = maxBodySize;
    }

    Transport withToken(String other) {
        return new Transport(root, other, http, retry, timeout, maxBodySize);
    }

    URI root() {
        return root;
    }

    /** The largest answer body read, in bytes (and the largest event of a stream). */
    long maxBodySize() {
        return maxBodySize;
    }

    boolean hasToken() {
        return token != null;
    }

    <T> T get(String path, Query query, Class<T> type) {
        return call("GET", path, query, null, type);
    }

    <T> T call(String method, String path, Query query, Map<String, ?> body, Class<T> type) {
        return read(send(request(method, uri(path, query), body)), json.constructType(type));
    }

    <T> T call(String method, String path, Query query, Map<String, ?> body, JavaType type) {
        return read(send(request(method, uri(path, query), body)), type);
    }

    /** A list the wire wraps in an object under {@code key} ({@code {"connectors": [...], "total": n}}). */
    <T> List<T> list(String method, String path, Query query, Map<String, ?> body, String key, Class<T> type) {
        JsonNode wrapped = call(method, path, query, body, JsonNode.class);
        JsonNode items = wrapped.get(key);
        if (items == null || !items.isArray()) {
            throw new ApiConnectionException("The answer of " + method + " " + path + " has no '" + key + "' list", null);
        }
        return readable(method + " " + path,
                () -> json.convertValue(items, json.getTypeFactory().constructCollectionType(List.class, type)));
    }

    /**
     * {@code PUT {base}/{id},{id}…?all}: the same change on several resources at once (docs/data.md);
     * one id answers the resource, several the list under {@code key}.
     */
    <T> List<T> editByIds(String base, long[] ids, Map<String, ?> changes, String key, Class<T> type) {
        String path = base + "/" + Arrays.stream(ids).mapToObj(Long::toString).collect(Collectors.joining(","));
        Query all = Query.of().flag("all", true);
        if (ids.length == 1) {
            return List.of(call("PUT", path, all, changes, type));
        }
        return list("PUT", path, all, changes, key, type);
    }

    /** A call whose answer is a status only (204). */
    void call(String method, String path, Query query, Map<String, ?> body) {
        send(request(method, uri(path, query), body));
    }

    /**
     * A {@code _links} href of a previous answer, followed as the server wrote it but on the API root's
     * origin only (scheme, host and port, RFC 6454 §4): the bearer goes with every call, so a link to
     * another host or scheme would hand the token to whoever the answer names.
     */
    <T> T follow(String href, Class<T> type) {
        URI target;
        try {
            target = resolve(href);
        } catch (IllegalArgumentException notUri) {
            throw new ApiConnectionException("The server linked to an unreadable href", notUri);
        }
        if (!sameOrigin(target)) {
            throw new ApiConnectionException("The server linked to " + target + ", off the API root's origin: not followed",
                    null);
        }
        return read(send(request("GET", target, null)), json.constructType(type));
    }

    /** The raw bytes of a call's 2xx answer, with its headers (a document's file). */
    HttpResponse<byte[]> bytes(String path) {
        return send(request("GET", uri(path, null), null));
    }

    /**
     * An open {@code text/event-stream} answer. Errors before the stream starts come as the usual
     * envelope: {@code application/json} is accepted too for them, read whole within the limits of
     * any other answer.
     */
    InputStream stream(String path, Query query) {
        HttpRequest request = authorized(HttpRequest.newBuilder(uri(path, query)))
                .header("Accept", "text/event-stream, application/json").GET().build();
        HttpResponse<InputStream> response = await(request, info -> info.statusCode() / 100 == 2
                ? HttpResponse.BodySubscribers.ofInputStream()
                : HttpResponse.BodySubscribers.mapping(new BoundedBody(maxBodySize), ByteArrayInputStream::new));
        if (response.statusCode() / 100 != 2) {
            throw error(response.statusCode(), ((ByteArrayInputStream) response.body()).readAllBytes(),
                    response.headers().map());
        }
        return response.body();
    }

    /**
     * An href relative to the API root ({@code /users/me/transactions?offset=…}) or carrying the root's
     * path as Powens writes it ({@code /2.0/users/me/…}), resolved against the root's origin in the
     * second case only; an absolute URL as it is.
     */
    URI resolve(String href) {
        URI given = URI.create(href);
        if (given.isAbsolute()) {
            return given;
        }
        String prefix = root.getRawPath();
        boolean carriesRoot = !prefix.isEmpty() && (href.equals(prefix) || href.startsWith(prefix + "/")
                || href.startsWith(prefix + "?"));
        if (carriesRoot) {
            return root.resolve(href);
        }
        return URI.create(root + (href.startsWith("/") ? "" : "/") + href);
    }

    private boolean sameOrigin(URI target) {
        return root.getScheme().equalsIgnoreCase(target.getScheme()) && target.getHost() != null
                && target.getHost().equalsIgnoreCase(root.getHost()) && port(target) == port(root);
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private URI uri(String path, Query query) {
        String encoded = query == null ? "" : query.encoded();
        return URI.create(root + path + (encoded.isEmpty() ? "" : "?" + encoded));
    }

    private HttpRequest request(String method, URI uri, Map<String, ?> body) {
        HttpRequest.Builder builder = authorized(HttpRequest.newBuilder(uri)).header("Accept", "application/json");
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        }
        return builder.build();
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder builder) {
        builder.timeout(timeout).header("User-Agent", USER_AGENT);
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    /** Sends, waiting and sending again on 429 and 503 as the policy says; a 2xx answer or an exception. */
    private HttpResponse<byte[]> send(HttpRequest request) {
        for (int retry = 1; ; retry++) {
            HttpResponse<byte[]> response = exchange(request);
            int status = response.statusCode();
            if (status / 100 == 2) {
                return response;
            }
            Optional<Duration> asked = retryAfter(response.headers().map());
            boolean retryable = status == 429 || status == 503;
            boolean tooLong = asked.filter(wait -> wait.compareTo(this.retry.maxWait()) > 0).isPresent();
            if (!retryable || retry > this.retry.maxRetries() || tooLong) {
                throw error(status, response.body(), response.headers().map());
            }
            try {
                this.retry.sleeper().sleep(asked.orElse(this.retry.backoff(retry)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw error(status, response.body(), response.headers().map());
            }
        }
    }

    private HttpResponse<byte[]> exchange(HttpRequest request) {
        return await(request, info -> new BoundedBody(maxBodySize));
    }

    /**
     * Sends and waits for the answer, its body included, for at most the call's timeout. The
     * request's own timeout only bounds the wait for the headers ({@link HttpRequest.Builder#timeout}),
     * so a server that stalls after them would otherwise hold the caller for ever.
     */
    private <T> HttpResponse<T> await(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        CompletableFuture<HttpResponse<T>> answer = http.sendAsync(request, handler);
        try {
            return answer.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new ApiConnectionException(request.method() + " " + request.uri() + " got no whole answer within "
                    + timeout, e);
        } catch (ExecutionException e) {
            throw new ApiConnectionException(request.method() + " " + request.uri() + " failed: "
                    + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new ApiConnectionException("interrupted", e);
        }
    }

    /**
     * A 2xx answer as the model a call returns: never null, since every route that answers a model
     * sends one (the routes that answer nothing are the untyped {@code call}s), so an empty body or a
     * JSON {@code null} is a broken answer, not a value for the caller to trip on.
     */
    private <T> T read(HttpResponse<byte[]> response, JavaType type) {
        String call = response.request().method() + " " + response.request().uri();
        T value = response.body().length == 0 ? null : readable(call, () -> json.readValue(response.body(), type));
        if (value == null) {
            throw new ApiConnectionException("The answer of " + call + " is empty", null);
        }
        return value;
    }

    /** Runs a read of an answer: what Jackson cannot read fails as the SDK's error, naming the call. */
    private static <T> T readable(String call, Supplier<T> read) {
        try {
            return read.get();
        } catch (JacksonException e) {
            throw new ApiConnectionException("Unreadable answer of " + call + ": " + e.getOriginalMessage(), e);
        }
    }

    private ApiException error(int status, byte[] body, Map<String, List<String>> headers) {
        Envelope envelope;
        try {
            envelope = body.length == 0 ? null : json.readValue(body, Envelope.class);
        } catch (JacksonException notJson) {
            envelope = null;
        }
        String requestId = Optional.ofNullable(envelope).map(Envelope::requestId)
                .orElseGet(() -> header(headers, "X-Request-ID").orElse(null));
        String code = Optional.ofNullable(envelope).map(Envelope::code).orElse("http" + status);
        return ApiException.of(status, code, envelope == null ? null : envelope.description(),
                envelope == null ? null : envelope.message(), requestId, retryAfter(headers).orElse(null));
    }

    /** {@code Retry-After}: seconds, or an HTTP date (RFC 9110 §10.2.3). */
    private static Optional<Duration> retryAfter(Map<String, List<String>> headers) {
        return header(headers, "Retry-After").flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip()))));
            } catch (NumberFormatException notSeconds) {
                try {
                    Instant at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                    Duration wait = Duration.between(Instant.now(), at);
                    return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
                } catch (DateTimeParseException unreadable) {
                    return Optional.empty();
                }
            }
        });
    }

    private static Optional<String> header(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream()).findFirst();
    }
}
