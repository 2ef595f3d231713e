package dev.passerelle.server.sync;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import dev.passerelle.server.sync.DecoupledPolling.DecoupledPoll;
import java.time.Instant;
import java.util.Optional;
import org.springframework.boot.test.context.TestComponent;

/**
 * The background poll of a decoupled validation for tests (import it): runs a source's
 * {@code poll-decoupled} execution as the scheduler would, without waiting for its time, and then
 * reschedules or removes it as the task's completion does.
 */
@TestComponent
public class DecoupledPollSteps {

    private final DecoupledPolling polling;
    private final SchedulerClient scheduler;

    DecoupledPollSteps(DecoupledPolling polling, SchedulerClient scheduler) {
        this.polling = polling;
        this.scheduler = scheduler;
    }

    /** Polls the validation {@code source} of {@code connectionId} waits on: when it polls next, or empty when done. */
    public Optional<Instant> poll(long connectionId, String source) {
        TaskInstanceId id = id(connectionId, source);
        DecoupledPoll poll = (DecoupledPoll) scheduled(connectionId, source)
                .orElseThrow(() -> new AssertionError("no poll scheduled for " + id.getId())).getData();
        Optional<Instant> next = polling.pollOnce(poll);
        next.ifPresentOrElse(at -> scheduler.reschedule(id, at), () -> scheduler.cancel(id));
        return next;
    }

    /** The poll execution of that source, if one is scheduled. */
    public Optional<ScheduledExecution<Object>> scheduled(long connectionId, String source) {
        return scheduler.getScheduledExecution(id(connectionId, source));
    }

    private static TaskInstanceId id(long connectionId, String source) {
        return DecoupledPolling.POLL_DECOUPLED.instanceId(DecoupledPolling.instanceId(connectionId, source));
    }
}
