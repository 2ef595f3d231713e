package dev.passerelle.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The calls that set a figure up, through the API as an integrator makes them (users, connections,
 * consent); not timed. One client per source address: the server's per-address limits see each as
 * its own integrator.
 */
final class Api {

    /** The test connector (docs/connectors.md). */
    static final String TEST_CONNECTOR = "338178e6-3d01-564f-9a7b-52ca442459bf";

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final String base;

    Api(int port, InetAddress local) {
        this.http = HttpClient.newBuilder().localAddress(local).connectTimeout(Duration.ofSeconds(10)).build();
        this.base = "http://127.0.0.1:" + port + "/2.0";
    }

    Api(int port) {
        this(port, InetAddress.getLoopbackAddress());
    }

    /** A new permanent user, vouched for by the config token; its token. */
    String newUser(String configToken) {
        return call("POST", "/auth/init", configToken, Map.of()).body().get("auth_token").asString();
    }

    /**
     * Adds a connection to the test connector with the right password and {@code scenario}; the answer,
     * whatever its status.
     */
    Answer addConnection(String token, String login, String scenario) {
        return call("POST", "/users/me/connections", token, Map.of("connector_uuid", TEST_CONNECTOR, "login", login,
                "password", "1234", "directaccesswebsite", scenario));
    }

    /** Activates (consents to) every account of the connection: their transactions are fetched now. */
    void activateAll(String token, long connection) {
        JsonNode accounts = ok(call("GET", "/users/me/connections/" + connection + "/accounts?all", token, null))
                .get("accounts");
        String ids = StreamSupport.stream(accounts.spliterator(), false).map(a -> a.get("id").asString())
                .collect(Collectors.joining(","));
        ok(call("PUT", "/users/me/connections/" + connection + "/accounts/" + ids + "?all", token,
                Map.of("disabled", false)));
    }

    /** GET {@code path} (under /2.0) as {@code token}: the body's bytes; anything but 200 fails. */
    byte[] bytes(String path, String token) {
        try {
            HttpResponse<byte[]> response = http.send(request("GET", path, token, null),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** PUT raw bytes to {@code path}; anything but 2xx fails. */
    void put(String path, byte[] body) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                            .header("Content-Type", "application/octet-stream")
                            .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("PUT " + path + " answered " + response.statusCode() + ": " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("PUT " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Answer call(String method, String path, String token, Map<String, ?> body) {
        try {
            HttpResponse<String> response = http.send(request(method, path, token, body), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
            return new Answer(response.statusCode(), json);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest request(String method, String path, String token, Map<String, ?> body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(5));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body == null) {
            return request.method(method, HttpRequest.BodyPublishers.noBody()).build();
        }
        return request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
    }

    private static JsonNode ok(Answer answer) {
        if (answer.status() / 100 != 2) {
            throw new IllegalStateException("the server answered " + answer.status() + ": " + answer.body());
        }
        return answer.body();
    }

    /** A status and a JSON body. */
    record Answer(int status, JsonNode body) {
        long id() {
            return body.get("id").asLong();
        }
    }
}
