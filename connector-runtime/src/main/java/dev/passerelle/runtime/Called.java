package dev.passerelle.runtime;

import dev.passerelle.connector.StepResult;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What one connector call did: its value, or the institution's interruption, or the connector's
 * fault; and in every case the session the connector left and the lines it wrote.
 *
 * @param <T> what the call returns ({@link StepResult} for a step, a list for a data call)
 */
public sealed interface Called<T> {

    /** The session after the call: the one the connector wrote, or the one it was given. */
    Optional<String> session();

    /** Whether the connector wrote the session during the call (then it must be stored). */
    boolean sessionWritten();

    /** The connector's lines, and the runtime's about a fault. */
    List<LogLine> lines();

    /** The call answered. */
    record Returned<T>(T value, Optional<String> session, boolean sessionWritten, List<LogLine> lines)
            implements Called<T> {
    }

    /**
     * The institution stopped a data call ({@link dev.passerelle.connector.Interruption}), or a step
     * threw one instead of answering it.
     */
    record Interrupted<T>(StepResult outcome, Optional<String> session, boolean sessionWritten, List<LogLine> lines)
            implements Called<T> {
    }

    /**
     * The connector threw: a fault of the connector. {@link #outcome()} is the {@code BUG} failure
     * the source now shows; the lines say what was thrown where.
     */
    record Faulted<T>(RuntimeException fault, StepResult outcome, Optional<String> session, boolean sessionWritten,
                      List<LogLine> lines) implements Called<T> {
    }

    /**
     * This call, made after {@code earlier} on the same source within one operation (the polls of a
     * decoupled validation): the session is this call's, written if either wrote it, and the lines
     * are both calls'.
     */
    default Called<T> after(Called<?> earlier) {
        boolean written = earlier.sessionWritten() || sessionWritten();
        List<LogLine> all = Stream.concat(earlier.lines().stream(), lines().stream()).toList();
        return switch (this) {
            case Returned<T> r -> new Returned<>(r.value(), r.session(), written, all);
            case Interrupted<T> i -> new Interrupted<>(i.outcome(), i.session(), written, all);
            case Faulted<T> f -> new Faulted<>(f.fault(), f.outcome(), f.session(), written, all);
        };
    }

    /** The step outcome of a step call: its answer, or what interrupted or faulted it. */
    static StepResult outcomeOf(Called<StepResult> called) {
        return switch (called) {
            case Returned<StepResult> r -> r.value();
            case Interrupted<StepResult> i -> i.outcome();
            case Faulted<StepResult> f -> f.outcome();
        };
    }
}
