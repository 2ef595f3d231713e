package dev.passerelle.client;

import java.util.Map;
import java.util.UUID;

/**
 * The parameters of {@code GET /webauth-url} (docs/webauth.md): the client application and one of
 * its whitelisted redirect URIs, then either a connector (a new connection) or a connection to
 * reconnect; optionally the source, an opaque {@code state} echoed on the final redirect, and the
 * connector's webauth field values (the test connector's {@code openapiwebsite}, say).
 */
public record WebauthUrlRequest(long clientId, String redirectUri, UUID connector, Long connection, String source,
                                String state, Map<String, String> fields) {

    public static WebauthUrlRequest newConnection(long clientId, String redirectUri, UUID connector) {
        return new WebauthUrlRequest(clientId, redirectUri, connector, null, null, null, Map.of());
    }

    public static WebauthUrlRequest reconnect(long clientId, String redirectUri, long connection) {
        return new WebauthUrlRequest(clientId, redirectUri, null, connection, null, null, Map.of());
    }

    public WebauthUrlRequest withSource(String name) {
        return new WebauthUrlRequest(clientId, redirectUri, connector, connection, name, state, fields);
    }

    public WebauthUrlRequest withState(String value) {
        return new WebauthUrlRequest(clientId, redirectUri, connector, connection, source, value, fields);
    }

    public WebauthUrlRequest withFields(Map<String, String> values) {
        return new WebauthUrlRequest(clientId, redirectUri, connector, connection, source, state, Map.copyOf(values));
    }

    Query query() {
        Query query = Query.of().add("client_id", clientId).add("redirect_uri", redirectUri)
                .add("connector_uuid", connector).add("id_connection", connection).add("source", source)
                .add("state", state);
        fields.forEach(query::add);
        return query;
    }
}
