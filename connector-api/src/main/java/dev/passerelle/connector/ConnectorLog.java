package dev.passerelle.connector;

/**
 * A connector's own lines about one call, for whoever supports the connection: they reach the
 * server's log and the connection's support timeline ({@code GET …/connections/{id}/logs}). Write
 * what an operator needs ("the bank answered 503 on /accounts"), never a secret: the server also
 * masks the connection's credential values if one slips in.
 */
public interface ConnectorLog {

    void info(String message);

    void warn(String message);

    /** A log that drops everything, for calls nobody supports. */
    static ConnectorLog discarding() {
        return new ConnectorLog() {
            @Override
            public void info(String message) {
            }

            @Override
            public void warn(String message) {
            }
        };
    }
}
