package dev.passerelle.server.connectors;

import java.time.Instant;

/**
 * How a connector's steps went since a time.
 *
 * @param connections its connections now
 * @param steps       steps run since then, by users, the scheduler or operators
 * @param failures    those that ended in a failure state
 * @param lastSuccess the last step that succeeded, ever; null if none
 * @param lastFailure the last step that failed, ever; null if none
 */
public record ConnectorActivity(long connections, long steps, long failures, Instant lastSuccess, Instant lastFailure) {

    public static final ConnectorActivity NONE = new ConnectorActivity(0, 0, 0, null, null);

    /** Failed steps per step since then, from 0 to 1; 0 without any step. */
    public double failureRate() {
        return steps == 0 ? 0 : (double) failures / steps;
    }
}
