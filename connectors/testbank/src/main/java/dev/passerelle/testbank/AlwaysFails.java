package dev.passerelle.testbank;

import dev.passerelle.connector.FailureReason;
import dev.passerelle.connector.StepResult;

/** The bank fails every step the same way until the scenario is changed ({@code wrongpass}, {@code notSupported}). */
record AlwaysFails(FailureReason reason, String userMessage) implements Behaviour {

    @Override
    public StepResult start(Attempt attempt) {
        return attempt.failure(reason, userMessage);
    }
}
