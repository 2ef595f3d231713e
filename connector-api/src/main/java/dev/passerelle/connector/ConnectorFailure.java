package dev.passerelle.connector;

import java.util.Objects;

/**
 * Thrown by the data methods of {@link Connector} when the institution fails while data is being
 * fetched. Authentication steps return {@link StepResult.Failure} instead.
 */
public class ConnectorFailure extends RuntimeException {

    private final FailureReason reason;

    public ConnectorFailure(FailureReason reason, String userMessage) {
        super(userMessage);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public FailureReason reason() {
        return reason;
    }
}
