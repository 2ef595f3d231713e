package dev.passerelle.testbank;

import dev.passerelle.connector.ConnectionContext;
import dev.passerelle.connector.FailureReason;
import dev.passerelle.connector.StepResult;
import dev.passerelle.testbank.Session.Stage;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One call of the test bank under one scenario: what the scenario may look at (the clock, the user's
 * presence, the session it left last time) and the outcomes it answers with, each remembering in
 * the context's session where the dialogue stands for the next call.
 */
final class Attempt {

    private final ConnectionContext ctx;
    private final Scenario scenario;
    private final Session previous;
    private final Timings timings;

    Attempt(ConnectionContext ctx, Scenario scenario) {
        this.ctx = ctx;
        this.scenario = scenario;
        this.previous = ctx.session().flatMap(Session::decode)
                .filter(session -> session.scenario().equals(scenario.value()))
                .orElse(null);
        this.timings = Timings.from(ctx);
    }

    Scenario scenario() {
        return scenario;
    }

    Instant now() {
        return ctx.clock().instant();
    }

    Timings timings() {
        return timings;
    }

    boolean userPresent() {
        return ctx.userPresent();
    }

    /** Whether the user posted {@code field} in this very call (a new password, say). */
    boolean posted(String field) {
        return ctx.postedFields().contains(field);
    }

    /** The session this scenario left on the previous call; empty on first contact under this scenario. */
    Optional<Session> previous() {
        return Optional.ofNullable(previous);
    }

    boolean firstContact() {
        return previous == null;
    }

    boolean isAt(Stage stage) {
        return previous != null && previous.stage() == stage;
    }

    /** Remembers where the scenario stands, keeping the bank's authorization of a web-authenticated source. */
    void remember(Stage stage, int round, Instant expiresAt, Instant validatedAt) {
        ctx.saveSession(BankAuthorization.carriedOver(ctx.session().orElse(null),
                new Session(scenario.value(), stage, round, expiresAt, validatedAt).encode()));
    }

    private void remember(Stage stage) {
        remember(stage, 0, null, null);
    }

    StepResult success() {
        remember(Stage.READY);
        return StepResult.Success.of();
    }

    /** A failure, remembered as reported so that the scenario can tell the next call from the first. */
    StepResult failure(FailureReason reason, String userMessage, Duration retryAfter) {
        remember(Stage.REPORTED);
        return new StepResult.Failure(reason, userMessage, retryAfter);
    }

    StepResult failure(FailureReason reason, String userMessage) {
        return failure(reason, userMessage, null);
    }

    StepResult scaRequired() {
        return new StepResult.ScaRequired("Strong customer authentication required");
    }
}
