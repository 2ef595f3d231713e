package dev.passerelle.client;

import dev.passerelle.client.model.Connection;
import dev.passerelle.client.model.ConnectionLog;
import dev.passerelle.client.model.ConnectionSource;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A user's connections (docs/connections.md). Field values (credentials, answers) are encrypted
 * for the server's key unless the client was built with {@code encryptFields(false)}. A creation
 * or a {@code POST} update the institution refuses throws {@link ConnectionFailedException}; a
 * connection that waits on the user comes back with its {@link Connection#state()} (the server
 * answered 202): {@link dev.passerelle.client.flow.ConnectionFlow} drives those to the end.
 */
public final class ConnectionService {

    private final Transport transport;
    private final String base;
    private final FieldEncryptor encryptor;

    ConnectionService(Transport transport, String user, FieldEncryptor encryptor) {
        this.transport = transport;
        this.base = user + "/connections";
        this.encryptor = encryptor;
    }

    /** Adds a connection to {@code connector} with its field values, on the connector's default source. */
    public Connection create(UUID connector, Map<String, String> fields) {
        return create(connector, null, fields);
    }

    /** Adds a connection on {@code source} ({@code directaccess}, {@code openapi}, …; null: the default). */
    public Connection create(UUID connector, String source, Map<String, String> fields) {
        Map<String, Object> body = new LinkedHashMap<>(protect(fields));
        body.put("connector_uuid", connector.toString());
        return transport.call("POST", base, Query.of().add("source", source), body, Connection.class);
    }

    public List<Connection> list(String... expand) {
        return transport.list("GET", base, Query.of().expand(expand), null, "connections", Connection.class);
    }

    public Connection get(long id, String... expand) {
        return transport.get(base + "/" + id, Query.of().expand(expand), Connection.class);
    }

    /** Answers a challenge or posts new credentials: {@code POST} with field values. */
    public Connection answer(long id, Map<String, String> fields) {
        return update(id, ConnectionUpdate.fields(fields));
    }

    /** Waits (a while, on the server) for the user's validation in their bank's app: {@code resume=true}. */
    public Connection resume(long id) {
        return update(id, ConnectionUpdate.resumeDecoupled());
    }

    public Connection update(long id, ConnectionUpdate update) {
        Map<String, Object> body = new LinkedHashMap<>(protect(update.fields()));
        body.putAll(update.switches());
        return transport.call("POST", base + "/" + id, Query.of().add("source", update.source()), body, Connection.class);
    }

    /** Syncs every enabled source with the user present ({@code PUT}); the outcome is the connection's state. */
    public Connection sync(long id) {
        return sync(id, true, false);
    }

    /**
     * {@code PUT}: a sync. Without the user ({@code userPresent} false, {@code psu_requested=false})
     * no strong authentication may start: a source that needs one turns {@code SCARequired}.
     */
    public Connection sync(long id, boolean userPresent, boolean background) {
        Query query = Query.of().add("psu_requested", userPresent ? null : "false").add("background", background ? "true" : null);
        return transport.call("PUT", base + "/" + id, query, null, Connection.class);
    }

    public void delete(long id) {
        transport.call("DELETE", base + "/" + id, null, null);
    }

    /** The connection's sources; disabled ones only with {@code all}. */
    public List<ConnectionSource> sources(long id, boolean all) {
        return transport.list("GET", base + "/" + id + "/sources", Query.of().flag("all", all), null, "sources",
                ConnectionSource.class);
    }

    public ConnectionSource source(long id, long sourceId) {
        return transport.get(base + "/" + id + "/sources/" + sourceId, Query.of().flag("all", true), ConnectionSource.class);
    }

    /** A disabled source is skipped by syncs. */
    public ConnectionSource setSourceDisabled(long id, long sourceId, boolean disabled) {
        return transport.call("POST", base + "/" + id + "/sources/" + sourceId, null, Map.of("disabled", disabled),
                ConnectionSource.class);
    }

    /** The support timeline, newest first. */
    public List<ConnectionLog> logs(long id, int limit, int offset) {
        return transport.list("GET", base + "/" + id + "/logs", Query.of().add("limit", limit).add("offset", offset),
                null, "connectionlogs", ConnectionLog.class);
    }

    /**
     * {@code GET /webauth-url}: the URL to open in the user's browser to add a source through the
     * institution's own pages, or to reconnect one that asks for it ({@code webauthRequired}).
     */
    public URI webauthUrl(WebauthUrlRequest request) {
        JsonNode answer = transport.get("/webauth-url", request.query(), JsonNode.class);
        try {
            return URI.create(answer.required("url").asString());
        } catch (JacksonException | IllegalArgumentException unreadable) {
            throw new ApiConnectionException("The answer of GET /webauth-url has no readable url", unreadable);
        }
    }

    private Map<String, String> protect(Map<String, String> fields) {
        return encryptor == null || fields.isEmpty() ? fields : encryptor.encrypt(fields);
    }
}
