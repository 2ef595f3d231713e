package dev.passerelle.testbank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.connector.StepResult;

/** Asserts the kind of a step's outcome and hands it back typed. */
final class Outcomes {

    private Outcomes() {
    }

    static <T extends StepResult> T as(Class<T> type, StepResult result) {
        assertThat(result).isInstanceOf(type);
        return type.cast(result);
    }

    static StepResult.Failure failure(StepResult result) {
        return as(StepResult.Failure.class, result);
    }

    static StepResult.Challenge challenge(StepResult result) {
        return as(StepResult.Challenge.class, result);
    }

    static StepResult.Decoupled decoupled(StepResult result) {
        return as(StepResult.Decoupled.class, result);
    }
}
