package dev.passerelle.xs2a.simulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** One request as the handlers see it: routed, with its path parameters and its TLS client chain. */
public final class Call {

    private final String method;
    private final String path;
    private final String rawQuery;
    private final Map<String, List<String>> query;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final List<X509Certificate> clientChain;
    private Endpoint endpoint;
    private Map<String, String> pathParams = Map.of();

    public Call(String method, String path, String rawQuery, Map<String, List<String>> headers, byte[] body,
                List<X509Certificate> clientChain) {
        this.method = method;
        this.path = path;
        this.rawQuery = rawQuery;
        this.query = parseForm(rawQuery);
        Map<String, List<String>> caseless = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> caseless.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values));
        this.headers = Collections.unmodifiableMap(caseless);
        this.body = body;
        this.clientChain = List.copyOf(clientChain);
    }

    /** Routes the call: set once by the dispatcher. */
    public void route(Endpoint endpoint, Map<String, String> pathParams) {
        this.endpoint = endpoint;
        this.pathParams = Map.copyOf(pathParams);
    }

    public String method() {
        return method;
    }

    /** The path below the simulator's base path, e.g. {@code /v1/accounts}. */
    public String path() {
        return path;
    }

    public String rawQuery() {
        return rawQuery;
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    public String pathParam(String name) {
        return pathParams.get(name);
    }

    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst().trim());
    }

    /** Every header, names case-insensitive. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    public Optional<String> query(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    public Map<String, List<String>> queryParams() {
        return query;
    }

    public byte[] body() {
        return body.clone();
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public List<X509Certificate> clientChain() {
        return clientChain;
    }

    /** The JSON body; an absent or malformed one is the TPP's FORMAT_ERROR. */
    public JsonNode json() {
        if (body.length == 0) {
            throw Xs2aException.formatError(null, "The request needs a JSON body.");
        }
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            if (node == null || !node.isObject()) {
                throw Xs2aException.formatError(null, "The body must be a JSON object.");
            }
            return node;
        } catch (IOException e) {
            throw Xs2aException.formatError(null, "The body is not valid JSON.");
        }
    }

    /** The JSON body, or an empty object when there is none (bodies that the standard makes optional). */
    public JsonNode jsonOrEmpty() {
        return body.length == 0 || bodyText().isBlank() ? Json.object() : json();
    }

    /** An {@code application/x-www-form-urlencoded} body (the login pages, the OAuth token endpoint). */
    public Map<String, List<String>> form() {
        return parseForm(bodyText());
    }

    public Optional<String> formValue(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    /** Decodes {@code a=1&b=2}; names keep their order, repeated names keep every value. */
    public static Map<String, List<String>> parseForm(String encoded) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return values;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw Xs2aException.formatError(null, "Malformed percent-encoding in the query or form.");
        }
    }
}
