package dev.passerelle.xs2a.simulator.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the simulator answers: status, headers, body. */
public record Response(int status, Map<String, String> headers, byte[] body) {

    public Response {
        headers = new LinkedHashMap<>(headers);
        body = body == null ? new byte[0] : body;
    }

    public static Response json(int status, Object body) {
        return new Response(status, Map.of("Content-Type", "application/json"), Json.bytes(body));
    }

    public static Response html(int status, String html) {
        return new Response(status, Map.of("Content-Type", "text/html; charset=utf-8",
                "Cache-Control", "no-store"), html.getBytes(StandardCharsets.UTF_8));
    }

    public static Response png(byte[] image) {
        return new Response(200, Map.of("Content-Type", "image/png", "Cache-Control", "no-store"), image);
    }

    /** 303 See Other: the browser follows with a GET, whatever the method of the form it posted. */
    public static Response redirect(URI location) {
        return new Response(303, Map.of("Location", location.toString(), "Cache-Control", "no-store"), null);
    }

    public static Response noContent() {
        return new Response(204, Map.of(), null);
    }

    public Response withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new Response(status, copy, body);
    }

    public String contentType() {
        return headers.get("Content-Type");
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
