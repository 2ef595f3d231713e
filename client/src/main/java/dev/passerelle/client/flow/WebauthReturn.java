package dev.passerelle.client.flow;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the final redirect of a webauth journey brought to the integrator's {@code redirect_uri}
 * (docs/webauth.md, "The callback and the final redirect"): {@code id_connection} on success,
 * {@code error} ({@code access_denied}, {@code server_error}, or an API error code) otherwise.
 */
public record WebauthReturn(Long idConnection, String error, String errorDescription, String state) {

    /**
     * Reads the redirect URI the browser reached, e.g. {@code https://app.example/cb?id_connection=5&state=x}.
     * Anyone can send a browser there: an {@code id_connection} that is not a number is no id, and the
     * return not a success.
     */
    public static WebauthReturn parse(URI redirect) {
        Map<String, String> params = new HashMap<>();
        Optional.ofNullable(redirect.getRawQuery()).ifPresent(query -> {
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                params.putIfAbsent(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length == 2 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        });
        String id = params.getOrDefault("id_connection", params.get("connection_id"));
        return new WebauthReturn(id == null || !id.matches("\\d{1,18}") ? null : Long.valueOf(id), params.get("error"),
                params.get("error_description"), params.get("state"));
    }

    public boolean succeeded() {
        return idConnection != null && error == null;
    }
}
