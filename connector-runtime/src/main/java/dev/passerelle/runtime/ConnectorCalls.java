package dev.passerelle.runtime;

import dev.passerelle.connector.ConnectionContext;
import dev.passerelle.connector.FailureReason;
import dev.passerelle.connector.Interruption;
import dev.passerelle.connector.StepResult;
import java.time.Clock;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * How every connector call is made, by the server and by the connector test kit alike: the context
 * gets a log that masks the connection's secrets, the connector's session is taken back whatever
 * happens, an {@link Interruption} becomes the outcome it carries, and anything else thrown becomes
 * a {@code BUG} failure with a line saying what was thrown where, so that a faulty connector leaves a
 * state and a timeline entry instead of an error page. {@link ConnectorRuntime} makes every call of
 * the server's through it; the test kit calls it directly for calls of a test's own making.
 */
public final class ConnectorCalls {

    /** What the user reads when a connector fails in a way it did not foresee. */
    public static final String FAULT_MESSAGE = "An unexpected error occurred; it has been reported";

    private final Clock clock;

    public ConnectorCalls(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Runs one call.
     *
     * @param context the context of the call, its log not set yet
     * @param secrets the values to mask in the connector's lines (credential values, secret settings)
     * @param body    the call
     */
    public <T> Called<T> call(ConnectionContext.Builder context, Set<String> secrets,
                              Function<ConnectionContext, T> body) {
        CollectingLog log = new CollectingLog(secrets, clock);
        ConnectionContext ctx = context.log(log).build();
        try {
            T value = Objects.requireNonNull(body.apply(ctx), "the connector answered null");
            return new Called.Returned<>(value, ctx.session(), ctx.sessionWritten(), log.lines());
        } catch (Interruption interruption) {
            log.add(LogLine.Level.INFO, "The institution stopped the call: " + describe(interruption.outcome()));
            return new Called.Interrupted<>(interruption.outcome(), ctx.session(), ctx.sessionWritten(), log.lines());
        } catch (RuntimeException fault) {
            log.add(LogLine.Level.WARN, "The connector failed: " + fault.getClass().getName()
                    + (fault.getMessage() == null ? "" : ": " + fault.getMessage()) + where(fault));
            return new Called.Faulted<>(fault, StepResult.Failure.of(FailureReason.BUG, FAULT_MESSAGE), ctx.session(),
                    ctx.sessionWritten(), log.lines());
        }
    }

    private static String describe(StepResult outcome) {
        return outcome instanceof StepResult.Failure failure
                ? "Failure " + failure.reason() + (failure.retryAfter() == null ? "" : ", retry after " + failure.retryAfter())
                : outcome.getClass().getSimpleName();
    }

    /** The first frame of the stack, where the connector threw. */
    private static String where(Throwable fault) {
        return Arrays.stream(fault.getStackTrace()).findFirst()
                .map(frame -> " at " + frame.getClassName() + "." + frame.getMethodName() + "(" + frame.getFileName()
                        + ":" + frame.getLineNumber() + ")")
                .orElse("");
    }
}
