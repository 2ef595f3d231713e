package dev.passerelle.testbank;

import dev.passerelle.connector.FailureReason;
import dev.passerelle.connector.Resume;
import dev.passerelle.connector.StepResult;
import dev.passerelle.testbank.Session.Stage;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

/**
 * The user must validate in the bank app (decoupled authentication); the "validation" happens by
 * itself once the scenario's delay has passed, and then either succeeds or fails
 * ({@code shortDecoupled}, {@code longDecoupled}, {@code AppValidationCancelled}, {@code AppValidationExpired}).
 */
final class AwaitsAppValidation extends NeedsUserToAuthenticate {

    private static final String MESSAGE = "You need to confirm the connection on your bank website";

    private final Function<Timings, Duration> delay;
    private final FailureReason refusal;
    private final String refusalMessage;

    private AwaitsAppValidation(Function<Timings, Duration> delay, FailureReason refusal, String refusalMessage) {
        this.delay = delay;
        this.refusal = refusal;
        this.refusalMessage = refusalMessage;
    }

    /** The user validates after {@code delay}. */
    static AwaitsAppValidation approved(Function<Timings, Duration> delay) {
        return new AwaitsAppValidation(delay, null, null);
    }

    /** After the short delay the validation turns out refused or lapsed. */
    static AwaitsAppValidation refused(FailureReason refusal, String refusalMessage) {
        return new AwaitsAppValidation(Timings::shortDecoupled, refusal, refusalMessage);
    }

    @Override
    public StepResult start(Attempt attempt) {
        return waiting(attempt, attempt.now().plus(delay.apply(attempt.timings())));
    }

    @Override
    public StepResult resume(Attempt attempt, Resume input) {
        Session pending = attempt.previous().filter(session -> session.stage() == Stage.DECOUPLED).orElse(null);
        if (pending == null) {
            return start(attempt);
        }
        if (attempt.now().isBefore(pending.validatedAt())) {
            return waiting(attempt, pending.validatedAt());
        }
        return refusal == null ? attempt.success() : attempt.failure(refusal, refusalMessage);
    }

    /**
     * Waiting for the app: the validation is given at {@code validatedAt}, and the request stays
     * answerable as long as a one-time code after that.
     */
    private static StepResult waiting(Attempt attempt, Instant validatedAt) {
        attempt.remember(Stage.DECOUPLED, 0, null, validatedAt);
        return new StepResult.Decoupled(MESSAGE, attempt.timings().decoupledPoll(),
                validatedAt.plus(attempt.timings().otpExpiry()));
    }
}
