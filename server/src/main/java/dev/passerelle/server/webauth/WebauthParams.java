package dev.passerelle.server.webauth;

import dev.passerelle.server.api.ApiError;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What to authenticate, as {@code /webauth-url} and {@code /webauth} take it (docs/protocol.md §5.1, §5.2): a connector
 * for a new connection or {@code id_connection} to reconnect, an optional {@code source}, and the
 * values of the connector's web-authentication fields (e.g. {@code openapiwebsite}) passed as extra
 * query parameters.
 *
 * @param connectorParam the parameter that named the connector ({@code connector_uuid} or
 *                       {@code id_connector}), or null, so that a link repeats it as given
 */
record WebauthParams(String connectorParam, String connectorKey, Long connectionId, String source,
                     Map<String, String> fieldValues) {

    /** The query parameters that steer the flow; any other is a field value. */
    static final Set<String> META = Set.of("client_id", "redirect_uri", "token", "state", "id_connector",
            "connector_uuid", "source", "id_connection");

    static WebauthParams from(Map<String, String> query) {
        String connectorParam = nonBlank(query.get("connector_uuid")).map(v -> "connector_uuid")
                .or(() -> nonBlank(query.get("id_connector")).map(v -> "id_connector"))
                .orElse(null);
        Long connectionId = nonBlank(query.get("id_connection")).map(WebauthParams::connectionId).orElse(null);
        Map<String, String> fields = new LinkedHashMap<>();
        query.forEach((name, value) -> {
            if (!META.contains(name)) {
                fields.put(name, value);
            }
        });
        return new WebauthParams(connectorParam, connectorParam == null ? null : query.get(connectorParam).strip(),
                connectionId, nonBlank(query.get("source")).orElse(null), fields);
    }

    private static Long connectionId(String raw) {
        if (!raw.matches("\\d{1,18}")) {
            throw ApiError.INVALID_VALUE.exception("'id_connection' is a connection id");
        }
        return Long.parseLong(raw);
    }

    private static Optional<String> nonBlank(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
    }
}
