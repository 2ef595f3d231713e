package dev.passerelle.server.connections;

import dev.passerelle.connector.ConnectionContext;
import dev.passerelle.connector.Connector;

/**
 * One source of one connection, ready for connector calls: the connector and a context carrying
 * the decrypted credentials and the last stored session.
 *
 * @param sourceId the {@code connection_source} row id ({@code id_source} on accounts)
 */
public record OpenSource(Connector connector, ConnectionContext context, long userId, long connectionId,
                         long sourceId) {
}
