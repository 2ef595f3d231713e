package dev.passerelle.runtime.host;

import dev.passerelle.connector.ConnectorDescriptor;
import dev.passerelle.connector.Settings;
import dev.passerelle.connector.SourceDescriptor;
import java.util.Optional;

/**
 * A part's say on whether a connector source can work on this server, beside the operator's
 * {@code passerelle.connectors.disabled-sources}: a source switched off is not published and takes
 * no connection, and the start-up log says why.
 */
public interface SourceSwitch {

    /** Why {@code source} cannot work here, for the log; empty when it can. */
    Optional<String> whyOff(ConnectorDescriptor connector, SourceDescriptor source, Settings settings);
}
