package dev.passerelle.testbank;

import dev.passerelle.connector.StepResult;

/** The bank accepts every step ({@code par}, {@code pro}). */
final class Succeeds implements Behaviour {

    @Override
    public StepResult start(Attempt attempt) {
        return attempt.success();
    }
}
