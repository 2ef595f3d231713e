package dev.passerelle.server.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for integration tests: real requests over the loopback, bodies in any of
 * the three encodings the protocol accepts, JSON responses as {@link JsonNode}. Every response is
 * also handed to {@link RecordedResponses}, to be checked against the OpenAPI document.
 * <pre>{@code api.post("/users/me/connections").bearer(token).json(Map.of("id_connector", 40)).send()}</pre>
 */
public final class TestApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    public TestApi(String base) {
        this.base = base;
    }

    /** The API root, e.g. {@code http://localhost:54321/2.0}. */
    public String base() {
        return base;
    }

    public Call get(String path) {
        return new Call("GET", path);
    }

    public Call post(String path) {
        return new Call("POST", path);
    }

    public Call put(String path) {
        return new Call("PUT", path);
    }

    public Call patch(String path) {
        return new Call("PATCH", path);
    }

    public Call delete(String path) {
        return new Call("DELETE", path);
    }

    /** Any method, e.g. {@code TRACE} or one the server does not know. */
    public Call method(String method, String path) {
        return new Call(method, path);
    }

    /** A GET of an href as the API hands them out ({@code _links}): a path from the host root. */
    public Call link(String href) {
        return new Call("GET", URI.create(base).resolve(href).toString().substring(base.length()));
    }

    /**
     * Sends {@code head} (request line and headers, without the blank line that ends them; a
     * {@code Connection: close} is added) then {@code body} over a plain socket, and reads until the
     * server closes the connection: for requests no HTTP client library would send.
     */
    public RawResponse raw(String head) {
        return raw(head, new byte[0], Duration.ofSeconds(30));
    }

    /** {@link #raw(String)} with a body and a timeout of its own. */
    public RawResponse raw(String head, byte[] body, Duration timeout) {
        URI uri = URI.create(base);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(Math.toIntExact(timeout.toMillis()));
            try {
                OutputStream out = socket.getOutputStream();
                out.write((head + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(body);
                out.flush();
            } catch (IOException e) {
                // The server may answer and close before it has read everything (a refused head): read its answer.
            }
            return RawResponse.parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException(head.lines().findFirst().orElse(head) + " failed", e);
        }
    }

    /** A response read off a socket: its status, raw head and body text. */
    public record RawResponse(int status, String head, String body) {

        static RawResponse parse(byte[] bytes) {
            String text = new String(bytes, StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String head = end < 0 ? text : text.substring(0, end);
            String body = end < 0 ? "" : text.substring(end + 4);
            String[] statusLine = head.split(" ", 3);
            return new RawResponse(statusLine.length > 1 ? Integer.parseInt(statusLine[1]) : -1, head, body);
        }

        /** The body as JSON, a chunked transfer-coding undone. */
        public JsonNode json() {
            String json = head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")
                    ? body.substring(body.indexOf("\r\n") + 2, body.lastIndexOf("\r\n0\r\n")) : body;
            return JSON.readTree(json);
        }

        public String header(String name) {
            return head.lines().filter(l -> l.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                    .map(l -> l.substring(name.length() + 1).strip()).findFirst().orElse(null);
        }
    }

    /** One request being built. */
    public final class Call {
        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();

        private Call(String method, String path) {
            this.method = method;
            this.path = path;
        }

        public Call bearer(String token) {
            return header("Authorization", "Bearer " + token);
        }

        public Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** A JSON object body. */
        public Call json(Map<String, ?> fields) {
            return raw("application/json", JSON.writeValueAsString(fields));
        }

        /** Any body with its content type, e.g. malformed JSON. */
        public Call raw(String contentType, String content) {
            return raw(contentType, content.getBytes(StandardCharsets.UTF_8));
        }

        /** Any body as bytes, e.g. text in another charset than UTF-8. */
        public Call raw(String contentType, byte[] content) {
            headers.put("Content-Type", contentType);
            body = HttpRequest.BodyPublishers.ofByteArray(content);
            return this;
        }

        /** An {@code application/x-www-form-urlencoded} body. */
        public Call form(Map<String, String> fields) {
            return raw("application/x-www-form-urlencoded", fields.entrySet().stream()
                    .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                    .collect(Collectors.joining("&")));
        }

        /** A {@code multipart/form-data} body, as {@code curl -F} sends. */
        public Call multipart(Map<String, String> fields) {
            String boundary = "----passerelle" + UUID.randomUUID();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fields.forEach((name, value) -> out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                    + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
            out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            headers.put("Content-Type", "multipart/form-data; boundary=" + boundary);
            body = HttpRequest.BodyPublishers.ofByteArray(out.toByteArray());
            return this;
        }

        public Response send() {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(60))
                    .method(method, body);
            headers.forEach(request::header);
            try {
                HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                Response answer = new Response(response.statusCode(), response.headers(), response.body());
                RecordedResponses.record(method, path, answer);
                return answer;
            } catch (IOException e) {
                throw new IllegalStateException(method + " " + path + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** A response: status, headers, raw bytes, and the body as JSON on demand. */
    public record Response(int status, HttpHeaders headers, byte[] bytes) {

        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            return JSON.readTree(bytes);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + text();
        }
    }
}
