package dev.passerelle.berlingroup.transport;

import dev.passerelle.berlingroup.directory.Aspsp;
import dev.passerelle.connector.ConnectionContext;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * How the connector talks to one bank (implementation guidelines, "Transport layer" and "Request
 * headers"): every request gets a fresh {@code X-Request-ID}, {@code Accept: application/json}, the
 * PSU's own request headers when the user is present, the TPP's QWAC over mutual TLS (presented by the
 * runtime's client) or in a header when the bank sits behind a gateway that terminates TLS, a QSeal
 * signature when the bank wants one, the bank's timeout. An answer of 4xx or 5xx, or no answer, is a
 * {@link BankError} carrying the bank's {@code tppMessages} and {@code Retry-After}.
 *
 * <p>API links the bank returns ({@code _links}) are followed only on the bank's own origin, so that
 * a {@code Consent-ID} or an access token never leaves for another host.
 */
public final class Xs2aClient {

    public static final JsonMapper JSON = JsonMapper.builder().build();

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
        URI link = URI.create(pathOrLink.strip());
        URI absolute;
        if (link.isAbsolute()) {
            absolute = link;
        } else {
            String basePath = Optional.ofNullable(base.getRawPath()).orElse("").replaceAll("/+$", "");
            String raw = pathOrLink.strip();
            String path = raw.startsWith("/") && !basePath.isEmpty() && !raw.startsWith(basePath + "/") ? basePath + raw
                    : raw.startsWith("/") ? raw : basePath + "/" + raw;
            absolute = base.resolve(path);
        }
        if (!sameOrigin(absolute, base)) {
            throw BankError.unusable("link " + absolute.getRawPath(), "the bank linked to " + absolute.getScheme() + "://" + absolute.getHost()
                    + ", outside its API at " + base.getScheme() + "://" + base.getHost()
                    + "; the connector does not follow it");
        }
        return absolute;
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
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
            try {
                response = ctx.http().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                throw BankError.unreachable(call, e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw BankError.unreachable(call, "interrupted");
            }
            JsonNode json = parse(response.body());
            if (response.statusCode() >= 300) {
                throw new BankError(call, response.statusCode(), messages(json), retryAfter(response.headers(), ctx.clock()),
                        "HTTP " + response.statusCode());
            }
            return new Response(response.statusCode(), response.headers(), json, response.body());
        }
    }

    /**
     * A bank's answer.
     *
     * @param body  the JSON body, or an empty object when there was none or it was not JSON
     * @param bytes the body as sent (an image)
     */
    public record Response(int status, HttpHeaders headers, JsonNode body, byte[] bytes) {

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }
    }

    private static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return JsonNodeFactory.instance.objectNode();
        }
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            return JsonNodeFactory.instance.objectNode();
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

    /** {@code Retry-After} (RFC 9110 §10.2.3): seconds, or an HTTP date. */
    static Duration retryAfter(HttpHeaders headers, Clock clock) {
        return headers.firstValue("Retry-After").map(String::strip).map(value -> {
            if (value.chars().allMatch(Character::isDigit) && !value.isEmpty()) {
                return Duration.ofSeconds(Long.parseLong(value));
            }
            try {
                Duration until = Duration.between(clock.instant(),
                        ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException e) {
                return null;
            }
        }).orElse(null);
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
