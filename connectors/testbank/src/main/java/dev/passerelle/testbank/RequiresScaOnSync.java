package dev.passerelle.testbank;

import dev.passerelle.connector.Resume;
import dev.passerelle.connector.StepResult;

/**
 * Adding the connection succeeds, but every refresh needs a fresh strong customer authentication:
 * refused in the background, and run by {@code whenUserPresent} when the user asks
 * ({@code SCARequired}, {@code SCARequiredAndOTP}, {@code SCARequiredAndDecoupled}).
 */
record RequiresScaOnSync(Behaviour whenUserPresent) implements Behaviour {

    @Override
    public StepResult start(Attempt attempt) {
        return attempt.success();
    }

    @Override
    public StepResult sync(Attempt attempt) {
        return attempt.userPresent() ? whenUserPresent.start(attempt) : attempt.scaRequired();
    }

    @Override
    public StepResult resume(Attempt attempt, Resume input) {
        return whenUserPresent.resume(attempt, input);
    }
}
