package dev.passerelle.client;

import dev.passerelle.client.model.Connector;
import dev.passerelle.client.model.ConnectorField;
import dev.passerelle.client.model.ConnectorSource;
import java.util.List;

/**
 * {@code /connectors} (also {@code /banks}, {@code /providers}): the institutions the server
 * reaches. {@code expand} names what to include: {@code sources}, {@code fields}, {@code countries}.
 */
public final class ConnectorService {

    private final Transport transport;

    ConnectorService(Transport transport) {
        this.transport = transport;
    }

    public List<Connector> list(String... expand) {
        return transport.list("GET", "/connectors", Query.of().expand(expand), null, "connectors", Connector.class);
    }

    /** Connectors with the bank capability. */
    public List<Connector> banks(String... expand) {
        return transport.list("GET", "/banks", Query.of().expand(expand), null, "banks", Connector.class);
    }

    /** Connectors with the document capability. */
    public List<Connector> providers(String... expand) {
        return transport.list("GET", "/providers", Query.of().expand(expand), null, "providers", Connector.class);
    }

    /** One connector by numeric id or uuid. */
    public Connector get(String idOrUuid, String... expand) {
        return transport.get("/connectors/" + idOrUuid, Query.of().expand(expand), Connector.class);
    }

    public List<ConnectorField> fields(String idOrUuid) {
        return transport.list("GET", "/connectors/" + idOrUuid + "/fields", null, null, "fields", ConnectorField.class);
    }

    public List<ConnectorSource> sources(String idOrUuid) {
        return transport.list("GET", "/connectors/" + idOrUuid + "/sources", null, null, "sources", ConnectorSource.class);
    }

    /** One source by id or name. */
    public ConnectorSource source(String idOrUuid, String source) {
        return transport.get("/connectors/" + idOrUuid + "/sources/" + source, null, ConnectorSource.class);
    }
}
