package dev.passerelle.server.fuzz;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a seed into requests over the discovered routes: the route's method or another one, path
 * variables filled with own, foreign or junk ids, query parameters (duplicate, empty-named, badly
 * encoded, too many), bodies in every encoding the protocol accepts and many it does not
 * (malformed, deeply nested or mistyped JSON, form bodies invalid in their charset, malformed
 * multipart with file parts), and any of the bearers.
 */
final class RequestGenerator {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String ROOT = "/2.0";
    /** The API root as the container still maps it to the application (RFC 3986 §3.3 and §5.2.4 spellings). */
    private static final List<String> ROOT_SPELLINGS = List.of("//2.0", "///2.0", "/%32.0", "/2%2E0", "/2.0;x", "/./2.0",
            "/x/../2.0");
    static final String VERSION = "HTTP/1.1";
    private static final List<String> ODD_VERSIONS = List.of("HTTP/1.0", "HTTP/1.2", "HTTP/2.0", "HTTP/3.0", "HTTP/0.9",
            "HTTP/11", "http/1.1");
    private static final List<String> STANDARD_METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
    private static final List<String> ODD_METHODS = List.of("TRACE", "PROPFIND", "FOO", "get", "M-SEARCH");
    private static final List<String> BAD_ESCAPES = List.of("%E9", "%C3%28", "%00", "%FF%FE", "%ED%A0%80", "%F4%90%80%80");
    private static final List<String> CONTENT_TYPES = List.of("text/xml", "application/octet-stream", "text/plain",
            "application/json; charset=foo", "application/x-www-form-urlencoded; charset=ISO-8859-1",
            "application/x-www-form-urlencoded; charset=nope", "multipart/form-data", "multipart/form-data; boundary=",
            "*/*", "application/", "garbage", "application/vnd.api+json", "text/html; charset=UTF-16");

    private final Junk junk;
    private final List<Route> routes;
    private final List<String> bearers;

    RequestGenerator(Junk junk, List<Route> routes, List<String> bearers) {
        this.junk = junk;
        this.routes = routes;
        this.bearers = bearers;
    }

    FuzzRequest next() {
        Route route = junk.pick(routes);
        String method = method(route);
        Map<String, String> headers = new LinkedHashMap<>();
        String bearer = junk.pick(bearers);
        if (bearer != null) {
            headers.put("Authorization", junk.chance(90) ? "Bearer " + bearer : junk.pick(List.of("Basic ", "bearer ", "Token ")) + bearer);
        }
        if (junk.chance(10)) {
            headers.put(junk.pick(List.of("Accept", "Range", "X-Forwarded-For", "Forwarded", "Accept-Language", "If-None-Match")),
                    junk.pick(List.of("text/html", "application/xml", "bytes=abc", "bytes=5-1", "1.2.3.4, evil", "for=_x",
                            "zz-ZZ;q=abc", "*", "\"etag\"")));
        }
        String shape;
        byte[] body = new byte[0];
        if (!method.equals("GET") && !method.equals("HEAD") || junk.chance(10)) {
            Body generated = body(headers);
            body = generated.bytes();
            shape = generated.shape();
        } else {
            shape = "no body";
        }
        boolean raw = junk.chance(3);
        String root = raw && junk.chance(20) ? junk.pick(ROOT_SPELLINGS) : ROOT;
        String version = raw && junk.chance(10) ? junk.pick(ODD_VERSIONS) : VERSION;
        if (raw && junk.chance(10)) { // headers an HTTP client library refuses to send
            headers.put(junk.pick(List.of("Expect", "Transfer-Encoding")),
                    junk.pick(List.of("200-ok", "100-continue", "gzip", "identity", "chunked, gzip")));
        }
        String target = path(route.pattern(), raw) + query(raw);
        return new FuzzRequest(route, method, root, target, version, headers, body, raw, shape);
    }

    private String method(Route route) {
        int roll = junk.upTo(99);
        if (roll < 80 && !route.methods().isEmpty()) {
            return junk.pick(List.copyOf(route.methods()));
        }
        return roll < 95 ? junk.pick(STANDARD_METHODS) : junk.pick(ODD_METHODS);
    }

    private String path(String pattern, boolean raw) {
        StringBuilder path = new StringBuilder();
        for (String segment : pattern.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            path.append('/');
            if (segment.startsWith("{")) {
                String value = junk.chance(90) ? junk.id() : junk.value();
                path.append(raw && junk.chance(30) ? junk.pick(List.of("%ZZ", "%", "..", "%2e%2e", "a b", "%2F")) : encode(value));
            } else {
                path.append(segment);
            }
        }
        return path.isEmpty() ? "/" : path.toString();
    }

    private String query(boolean raw) {
        if (junk.chance(3)) {
            return "?" + IntStream.range(0, 1001 + junk.upTo(300)).mapToObj(i -> "p" + i + "=" + i).collect(Collectors.joining("&"));
        }
        int count = junk.upTo(4);
        if (count == 0) {
            return "";
        }
        return "?" + IntStream.range(0, count).mapToObj(i -> parameter(raw)).collect(Collectors.joining("&"));
    }

    private String parameter(boolean raw) {
        String name = junk.chance(5) ? "" : junk.fieldName();
        return switch (junk.upTo(9)) {
            case 0 -> encode(name);
            case 1 -> encode(name) + "=" + encode(junk.value()) + junk.pick(BAD_ESCAPES);
            case 2 -> raw ? encode(name) + "=" + junk.pick(List.of("%ZZ", "%", "%E", "a%2")) : encode(name) + "=";
            case 3 -> encode(name) + "=1&" + encode(name) + "=2";
            default -> encode(name) + "=" + encode(junk.value());
        };
    }

    private record Body(byte[] bytes, String shape) {
    }

    private Body body(Map<String, String> headers) {
        return switch (junk.upTo(9)) {
            case 0, 1, 2 -> {
                headers.put("Content-Type", "application/json");
                String json = JSON.writeValueAsString(junk.chance(85) ? junk.jsonObject(3) : junk.jsonValue(3));
                yield new Body(utf8(junk.chance(15) ? json.substring(0, junk.upTo(json.length())) : json), "json");
            }
            case 3 -> {
                headers.put("Content-Type", "application/json");
                int depth = junk.pick(List.of(100, 2000, 20000));
                // Deliberately hostile nesting, beyond any parser's depth limit: no library writes it.
                yield new Body(utf8("[".repeat(depth) + "]".repeat(depth)), "deep json");
            }
            case 4, 5 -> {
                headers.put("Content-Type", junk.chance(80) ? "application/x-www-form-urlencoded"
                        : "application/x-www-form-urlencoded; charset=" + junk.pick(List.of("UTF-8", "ISO-8859-1", "x-bogus")));
                yield new Body(utf8(IntStream.range(0, junk.upTo(5)).mapToObj(i -> parameter(false))
                        .collect(Collectors.joining("&"))), "form");
            }
            case 6, 7 -> multipart(headers);
            default -> {
                headers.put("Content-Type", junk.pick(CONTENT_TYPES));
                yield new Body(utf8(junk.value()), "wrong content type");
            }
        };
    }

    private Body multipart(Map<String, String> headers) {
        String boundary = "fuzz" + junk.upTo(1_000_000);
        headers.put("Content-Type", junk.chance(85) ? "multipart/form-data; boundary=" + boundary : "multipart/form-data");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0, n = junk.upTo(4); i < n; i++) {
            String name = junk.fieldName();
            boolean file = junk.chance(40);
            out.writeBytes(utf8("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                    + (file ? "; filename=\"" + junk.pick(List.of("a.txt", "", "../x", "é.bin")) + "\"\r\nContent-Type: application/octet-stream" : "")
                    + "\r\n\r\n" + junk.value() + "\r\n"));
        }
        if (junk.chance(80)) {
            out.writeBytes(utf8("--" + boundary + "--\r\n"));
        }
        byte[] bytes = out.toByteArray();
        return new Body(junk.chance(10) && bytes.length > 0 ? Arrays.copyOf(bytes, junk.upTo(bytes.length)) : bytes,
                "multipart");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
