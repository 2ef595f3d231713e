package dev.passerelle.berlingroup.transport;

import dev.passerelle.berlingroup.directory.Aspsp;
import dev.passerelle.connector.ConnectionContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.net.ssl.SSLHandshakeException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the connector talks to one bank (implementation guidelines, "Transport layer" and "Request
 * headers"): every request gets a fresh {@code X-Request-ID}, {@code Accept: application/json}, the
 * PSU's own request headers when the user is present, the TPP's QWAC over mutual TLS (presented by the
 * runtime's client) or in a header when the bank sits behind a gateway that terminates TLS, a QSeal
 * signature when the bank wants one, the bank's timeout. An answer of 4xx or 5xx, or no answer, is a
 * {@link BankError} carrying the bank's {@code tppMessages} and {@code Retry-After}.
 *
 * <p>The bank's timeout bounds the whole answer, its body too, and an answer is read up to
 * {@link #MAX_ANSWER} bytes: a bank that sends headers then nothing, or a body that never ends, costs
 * one call's time and bounded memory, never a worker for good.
 *
 * <p>API links the bank returns ({@code _links}) are followed only on the bank's own origin, so that
 * a {@code Consent-ID} or an access token never leaves for another host.
 */
public final class Xs2aClient {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * The largest answer read: far above a page of transactions (banks page their reports, OpenAPI
     * {@code _links.next}), far below what would strain the server's memory.
     */
    static final int MAX_ANSWER = 16 * 1024 * 1024;

    /**
     * The longest {@code Retry-After} taken: PSD2 counts unattended accesses per day
     * ({@code frequencyPerDay}), so a bank never needs more than a day to let the next one in; a
     * longer one (a typo, ten years) would leave the connection without a sync for as long.
     */
    static final Duration MAX_RETRY_AFTER = Duration.ofDays(1);

    private final Aspsp bank;
    private final RequestSigner signer;
    private final String certificateHeaderValue;

    /**
     * A client of {@code bank} signing with, or sending in a header, the entries of {@code credentials}.
     * Requests go through the connection's {@link ConnectionContext#http()}: the runtime's client, which
     * presents the QWAC over mutual TLS and keeps under the bank's rate limit
     * ({@link dev.passerelle.berlingroup.BerlinGroupProvider#settings}).
     */
    public Xs2aClient(Aspsp bank, TppCredentials credentials) {
        this.bank = bank;
        Aspsp.Transport transport = bank.transport();
        this.signer = transport.signing()
                ? new RequestSigner(credentials.privateKey(transport.qsealAlias()), credentials.certificate(transport.qsealAlias()))
                : null;
        // Behind a gateway that terminates TLS, the QWAC travels in a header instead of the handshake.
        this.certificateHeaderValue = transport.certificateHeader() == null ? null
                : base64(credentials, transport.qwacAlias());
    }

    public Aspsp bank() {
        return bank;
    }

    /** A call on the bank's XS2A API: {@code path} is an API path ({@code /v1/consents}) or a link the bank returned. */
    public Request xs2a(String method, String path) {
        return new Request(method, api(path), true);
    }

    /** A call outside the XS2A API (the bank's OAuth2 server): no XS2A headers, any https host the bank named. */
    public Request external(String method, URI target) {
        return new Request(method, target, false);
    }

    /**
     * An API path or link as an absolute URI on the bank's origin. Links may be absolute, or relative
     * to the host with or without the API's base path ({@code /v1/…} under {@code https://bank/psd2}).
     */
    public URI api(String pathOrLink) {
        URI base = bank.transport().baseUrl();
        URI link = parsed("link", pathOrLink);
        URI absolute;
        if (link.isAbsolute()) {
            absolute = link;
        } else {
            String basePath = Optional.ofNullable(base.getRawPath()).orElse("").replaceAll("/+$", "");
            String raw = pathOrLink.strip();
            String path = raw.startsWith("/") && !basePath.isEmpty() && !raw.startsWith(basePath + "/") ? basePath + raw
                    : raw.startsWith("/") ? raw : basePath + "/" + raw;
            absolute = base.resolve(parsed("link", path));
        }
        String call = "link " + Objects.requireNonNullElse(absolute.getRawPath(), "");
        if (absolute.getRawUserInfo() != null) {
            throw BankError.unusable(call, "the bank linked to a URL with credentials in it"
                    + " (RFC 9110 §4.2.4 forbids them in http(s) URLs); the connector does not follow it");
        }
        if (!sameOrigin(absolute, base)) {
            throw BankError.unusable(call, "the bank linked to " + absolute.getScheme() + "://"
                    + Objects.requireNonNullElse(absolute.getHost(), "") + ", outside its API at " + base.getScheme() + "://"
                    + base.getHost() + "; the connector does not follow it");
        }
        return absolute;
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && b.getHost().equalsIgnoreCase(a.getHost())
                && port(a) == port(b);
    }

    /**
     * A URL the bank named outside its API for the user's browser or the OAuth2 server (OpenAPI
     * {@code hrefEntry}, RFC 8414 metadata): absolute, on a host, without credentials, and on https
     * (plain http only when the bank's own API is, a local test). Anything else ({@code javascript:},
     * {@code data:}, another scheme) is never handed to a browser nor fetched.
     *
     * @param call  what named the URL, for the operator's line
     * @param link  the URL as the bank wrote it, relative to the API's root or absolute
     */
    public URI elsewhere(String call, String link) {
        URI base = bank.transport().baseUrl();
        URI target = base.resolve(parsed(call, link));
        boolean secure = "https".equalsIgnoreCase(target.getScheme())
                || "http".equalsIgnoreCase(target.getScheme()) && "http".equalsIgnoreCase(base.getScheme());
        if (!secure || target.getHost() == null || target.getRawUserInfo() != null) {
            // Named by its scheme and host only: the rest may carry the bank's tokens or credentials.
            throw BankError.unusable(call, "the bank named a " + target.getScheme() + " URL"
                    + (target.getHost() == null ? "" : " on " + target.getHost())
                    + ", which is no https URL on a host without credentials; the connector does not use it");
        }
        return target;
    }

    /** A link the bank wrote, as a URI; one that is none breaks the standard. */
    private static URI parsed(String call, String link) {
        try {
            return new URI(link.strip());
        } catch (URISyntaxException e) {
            throw BankError.unusable(call, "the bank linked to something that is no URL (" + e.getReason() + ")");
        }
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** One request being built. */
    public final class Request {

        private final String method;
        private final URI target;
        private final boolean xs2a;
        private final Map<String, String> query = new LinkedHashMap<>();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private byte[] body = new byte[0];
        private String contentType;

        private Request(String method, URI target, boolean xs2a) {
            this.method = method;
            this.target = target;
            this.xs2a = xs2a;
        }

        public Request query(String name, String value) {
            if (value != null) {
                query.put(name, value);
            }
            return this;
        }

        /** A header; a {@code null} value sends none. */
        public Request header(String name, String value) {
            if (value != null) {
                headers.put(name, value);
            }
            return this;
        }

        /**
         * The user's own request headers, when the user is present: the bank then counts the access as
         * attended and may judge fraud (PSD2 RTS art. 36(5); {@code PSU-IP-Address} is mandatory on
         * consent creation).
         */
        public Request psu(ConnectionContext ctx) {
            if (ctx.userPresent()) {
                ctx.psu().ifPresent(psu -> {
                    header("PSU-IP-Address", psu.ipAddress());
                    header("PSU-User-Agent", psu.userAgent());
                    header("PSU-Accept-Language", psu.acceptLanguage());
                });
            }
            return this;
        }

        public Request json(JsonNode node) {
            this.body = JSON.writeValueAsBytes(node);
            this.contentType = "application/json";
            return this;
        }

        /** An {@code application/x-www-form-urlencoded} body (OAuth2 token requests). */
        public Request form(Map<String, String> fields) {
            this.body = urlEncoded(fields).getBytes(StandardCharsets.UTF_8);
            this.contentType = "application/x-www-form-urlencoded";
            return this;
        }

        /** Sends the request; the answer of a 2xx, else a {@link BankError}. */
        public Response send(ConnectionContext ctx) {
            String call = method + " " + target.getRawPath();
            URI uri = query.isEmpty() ? target : URI.create(target + (target.getRawQuery() == null ? "?" : "&") + urlEncoded(query));
            Map<String, String> all = new LinkedHashMap<>();
            all.put("Accept", "application/json");
            if (xs2a) {
                all.put("X-Request-ID", UUID.randomUUID().toString());
            }
            if (contentType != null) {
                all.put("Content-Type", contentType);
            }
            all.putAll(headers);
            if (certificateHeaderValue != null) {
                all.put(bank.transport().certificateHeader(), certificateHeaderValue);
            }
            if (signer != null && xs2a) {
                all.putAll(signer.sign(all, body));
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(bank.transport().timeout())
                    .method(method, body.length == 0 && !"POST".equals(method) && !"PUT".equals(method)
                            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            all.forEach(request::header);
            HttpResponse<byte[]> response;
            long deadline = System.nanoTime() + bank.transport().timeout().toNanos();
            try {
                response = ctx.http().send(request.build(), info -> new BoundedBody(deadline));
            } catch (IOException e) {
                if (e instanceof AnswerTooLarge || e.getCause() instanceof AnswerTooLarge) {
                    throw BankError.unusable(call, "the answer is larger than " + MAX_ANSWER + " bytes");
                }
                if (e instanceof SSLHandshakeException && e.getMessage() != null && e.getMessage().contains("certificate")) {
                    // The TLS alerts on certificates (RFC 8446 §6.2: bad_certificate, certificate_unknown…).
                    throw BankError.certificateRefused(call, "TLS handshake: " + e.getMessage());
                }
                throw BankError.unreachable(call, e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw BankError.unreachable(call, "interrupted");
            }
            JsonNode json = parse(response.body());
            if (response.statusCode() >= 300) {
                throw new BankError(call, response.statusCode(), json == null ? List.of() : messages(json),
                        retryAfter(response.headers(), ctx.clock()), "HTTP " + response.statusCode());
            }
            return new Response(call, response.statusCode(), response.headers(), json, response.body());
        }
    }

    /**
     * A bank's answer.
     *
     * @param call  the call, as {@code GET /v1/accounts}
     * @param json  the body read as JSON, or {@code null} when there was none or it was not JSON
     * @param bytes the body as sent (an image)
     */
    public record Response(String call, int status, HttpHeaders headers, JsonNode json, byte[] bytes) {

        /**
         * The JSON object the bank answered. Every XS2A and OAuth2 answer with a body is one (OpenAPI
         * {@code application/json} responses, RFC 6749 §5.1): an HTML page, an array or nothing in its
         * place breaks the standard, and reading it as an empty answer would drop the user's accounts or
         * end a valid consent.
         */
        public JsonNode body() {
            if (json == null || !json.isObject()) {
                throw BankError.unusable(call, "the answer is no JSON object (" + header("Content-Type").orElse("no Content-Type")
                        + ", " + bytes.length + " bytes)");
            }
            return json;
        }

        /** A text element the standard requires of this answer; an answer without it is unusable. */
        public String required(String field) {
            return Json.text(body(), field).orElseThrow(() -> BankError.unusable(call, "the answer has no " + field));
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }
    }

    private static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }

    /** The answer ended past {@link #MAX_ANSWER} bytes. */
    private static final class AnswerTooLarge extends IOException {
        AnswerTooLarge() {
            super("answer larger than " + MAX_ANSWER + " bytes", null);
        }
    }

    /**
     * Reads an answer's body into memory, up to {@link #MAX_ANSWER} bytes and until {@code deadline}
     * ({@link System#nanoTime}): the client's request timeout ends at the answer's headers, so this one
     * bounds the body of a bank that trickles or never ends it. Either end cancels the exchange.
     */
    private static final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {

        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private volatile Flow.Subscription subscription;

        BoundedBody(long deadline) {
            long left = Math.max(0, deadline - System.nanoTime());
            // orTimeout's timer is cancelled, and forgets this body, as soon as the answer ends: a
            // timer left to run until the deadline would keep every answer's bytes that long.
            CompletableFuture<Void> timer = new CompletableFuture<Void>().orTimeout(left, TimeUnit.NANOSECONDS);
            timer.whenComplete((ended, late) -> {
                if (late != null) {
                    fail(new HttpTimeoutException("the answer did not end within the bank's timeout"));
                }
            });
            result.whenComplete((body, failure) -> timer.complete(null));
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            if (result.isDone()) {
                subscription.cancel();
            } else {
                subscription.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                if (result.isDone()) {
                    return;
                }
                if (bytes.size() + (long) buffer.remaining() > MAX_ANSWER) {
                    fail(new AnswerTooLarge());
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }

        private void fail(IOException error) {
            if (result.completeExceptionally(error) && subscription != null) {
                subscription.cancel();
            }
        }
    }

    /**
     * The messages of an error body: {@code tppMessages[]}, RFC 7807's {@code code} and
     * {@code additionalErrors[]}, or an OAuth2 server's {@code error} (RFC 6749 §5.2).
     */
    static List<TppMessage> messages(JsonNode body) {
        List<TppMessage> messages = new ArrayList<>();
        if (body.path("error").isString()) {
            messages.add(new TppMessage(text(body, "error"), null, text(body, "error_description")));
        }
        body.path("tppMessages").forEach(m -> messages.add(message(m)));
        if (body.has("code") || body.has("detail")) {
            messages.add(new TppMessage(text(body, "code"), null, Optional.ofNullable(text(body, "detail"))
                    .orElse(text(body, "title"))));
        }
        body.path("additionalErrors").forEach(m -> messages.add(new TppMessage(text(m, "code"), null,
                Optional.ofNullable(text(m, "detail")).orElse(text(m, "title")))));
        return messages;
    }

    private static TppMessage message(JsonNode node) {
        return new TppMessage(text(node, "code"), text(node, "path"), text(node, "text"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isValueNode() || value.asString().isBlank() ? null : value.asString().strip();
    }

    /**
     * {@code Retry-After} (RFC 9110 §10.2.3): seconds, or an HTTP date; at most
     * {@link #MAX_RETRY_AFTER}, whatever the bank wrote. A value that is neither is no hint.
     */
    static Duration retryAfter(HttpHeaders headers, Clock clock) {
        return headers.firstValue("Retry-After").map(String::strip).map(value -> {
            if (value.matches("[0-9]+")) {
                // More digits than a long holds is more than any bound anyway.
                return value.length() > 18 ? MAX_RETRY_AFTER : Duration.ofSeconds(Long.parseLong(value));
            }
            try {
                Duration until = Duration.between(clock.instant(),
                        ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException e) {
                return null;
            }
        }).map(delay -> delay.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : delay).orElse(null);
    }

    /** Names and values as {@code application/x-www-form-urlencoded} (a query, a form body). */
    public static String urlEncoded(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String base64(TppCredentials credentials, String alias) {
        try {
            return Base64.getEncoder().encodeToString(Objects.requireNonNull(credentials.certificate(alias)).getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("The QWAC certificate cannot be encoded", e);
        }
    }
}
