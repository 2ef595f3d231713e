package dev.passerelle.runtime.limits;

import dev.passerelle.connector.ConnectorDescriptor;
import java.time.Duration;

/** Told of every connector call and every call the limits refused: the server counts them as metrics. */
public interface CallObserver {

    /** A call ran on {@code connector} for {@code took}, whatever it answered or threw. */
    void called(ConnectorDescriptor connector, Duration took);

    /** A call on {@code connector} was refused: its or the user's concurrency limit was reached. */
    void refused(ConnectorDescriptor connector);

    /** Tells no one (the connector test kit). */
    static CallObserver none() {
        return new CallObserver() {
            @Override
            public void called(ConnectorDescriptor connector, Duration took) {
            }

            @Override
            public void refused(ConnectorDescriptor connector) {
            }
        };
    }
}
