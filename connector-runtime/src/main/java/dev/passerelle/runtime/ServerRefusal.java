package dev.passerelle.runtime;

/**
 * Marks an exception the server throws around a connector call, inside the call's body but not by
 * the connector (a full bulkhead answering 429): it is no fault of the connector, so
 * {@link ConnectorCalls} lets it through as it is instead of turning it into a {@code bug}.
 */
public interface ServerRefusal {
}
