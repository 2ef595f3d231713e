package dev.passerelle.server.connections;

/**
 * What a request did to a connection: the connection now, and whether it waits on its user or on a
 * background step (202 on the wire) rather than rests (200).
 */
public record ConnectionResult(ConnectionRow connection, boolean pending) {

    /** The connection as it stands: pending when its state awaits the user. */
    static ConnectionResult of(ConnectionRow connection) {
        return new ConnectionResult(connection, connection.state() != null && connection.state().awaitsTheUser());
    }
}
