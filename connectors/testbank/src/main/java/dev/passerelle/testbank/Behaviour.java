package dev.passerelle.testbank;

import dev.passerelle.connector.Resume;
import dev.passerelle.connector.StepResult;

/**
 * What one scenario does at each authentication step of the SPI. Implementations are stateless:
 * what they remember travels in the {@link Session}.
 */
interface Behaviour {

    StepResult start(Attempt attempt);

    /** By default a refresh behaves as a new first contact would. */
    default StepResult sync(Attempt attempt) {
        return start(attempt);
    }

    /** By default nothing is pending, so an answer restarts the dialogue. */
    default StepResult resume(Attempt attempt, Resume input) {
        return start(attempt);
    }
}
