package dev.passerelle.testkit;

import dev.passerelle.connector.StepResult;

/**
 * A data call of a {@link Dialogue} that the institution stopped ({@link dev.passerelle.connector.Interruption}):
 * the server would now show the source in the state {@link #outcome()} maps to.
 */
public final class DataCallStopped extends RuntimeException {

    private final StepResult outcome;

    DataCallStopped(String call, StepResult outcome) {
        super(call + " was stopped: " + outcome);
        this.outcome = outcome;
    }

    public StepResult outcome() {
        return outcome;
    }
}
