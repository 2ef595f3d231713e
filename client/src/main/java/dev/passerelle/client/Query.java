package dev.passerelle.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** A query string being built; null values are left out, flags are sent as {@code true}/{@code false}. */
final class Query {

    private final Map<String, String> params = new LinkedHashMap<>();

    static Query of() {
        return new Query();
    }

    Query add(String name, Object value) {
        if (value != null) {
            params.put(name, String.valueOf(value));
        }
        return this;
    }

    /** {@code expand}: a comma list of what to include, left out when empty. */
    Query expand(String... names) {
        return add("expand", names.length == 0 ? null : String.join(",", names));
    }

    /** {@code ?all}-style flags: present only when on. */
    Query flag(String name, boolean on) {
        return on ? add(name, "true") : this;
    }

    String encoded() {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
