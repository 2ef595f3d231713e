package dev.passerelle.server.connectors;

import java.time.Instant;
import java.util.Map;

/**
 * How each connector's connections went, for the console's connector pages. The connections
 * feature provides it from its support timeline: connectors sit below the connections made to
 * them, so they name only what they ask.
 */
public interface ConnectorActivities {

    /** Per connector id, its activity since {@code since}; a connector without connections is absent. */
    Map<Integer, ConnectorActivity> byConnector(Instant since);
}
