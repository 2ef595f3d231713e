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
 * presence, the session it left last time) and the outcomes it answers with, each carrying the
 * session for the next call.
 */
final class Attempt {

    private final ConnectionContext ctx;
    private final Scenario scenario;
    private final Session previous;
    private final Timings timings;

    Attempt(ConnectionContext ctx, Scenario scenario) {
        this.ctx = ctx;
        this.scenario = scenario;
        this.previous = Session.decode(ctx.session())
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

    /** A session of this scenario, still carrying the bank's authorization of a web-authenticated source. */
    String session(Stage stage, int round, Instant expiresAt, Instant validatedAt) {
        return BankAuthorization.carriedOver(ctx.session(),
                new Session(scenario.value(), stage, round, expiresAt, validatedAt).encode());
    }

    private String session(Stage stage) {
        return session(stage, 0, null, null);
    }

    StepResult success() {
        return new StepResult.Success(session(Stage.READY));
    }

    /** A failure, remembered as reported so that the scenario can tell the next call from the first. */
    StepResult failure(FailureReason reason, String userMessage, Duration retryAfter) {
        return new StepResult.Failure(reason, userMessage, retryAfter, session(Stage.REPORTED));
    }

    StepResult failure(FailureReason reason, String userMessage) {
        return failure(reason, userMessage, null);
    }

    StepResult scaRequired() {
        return new StepResult.ScaRequired("Strong customer authentication required", null);
    }
}
