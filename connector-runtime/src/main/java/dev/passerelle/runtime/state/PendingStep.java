package dev.passerelle.runtime.state;

/** The interactive step a source waits on, which {@code Connector.resume} continues. */
public enum PendingStep {
    /** A {@code StepResult.Challenge}: answers to its fields are expected. */
    CHALLENGE,
    /** A {@code StepResult.Decoupled}: {@code resume=true} polls it. */
    DECOUPLED,
    /** A {@code StepResult.Redirect}: the webauth callback completes it. */
    REDIRECT
}
