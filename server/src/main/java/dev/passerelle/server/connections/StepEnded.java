package dev.passerelle.server.connections;

import dev.passerelle.connector.ConnectorDescriptor;
import dev.passerelle.runtime.state.ConnectionState;
import dev.passerelle.server.connections.ConnectionTimeline.Actor;

/**
 * Published, inside the request or task that ran it, each time a step on a connection source was
 * recorded: which connector, who caused it, and the state the source is in after it (null: OK).
 * It carries nothing about the user or the connection; the metrics count steps by it.
 */
public record StepEnded(ConnectorDescriptor connector, Actor actor, ConnectionState state) {
}
