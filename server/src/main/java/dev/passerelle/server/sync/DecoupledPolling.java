package dev.passerelle.server.sync;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerClient.ScheduleOptions;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import dev.passerelle.server.config.UserTime;
import dev.passerelle.server.connections.DecoupledPending;
import dev.passerelle.server.connections.DecoupledPolls;
import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Decoupled validations polled in the background (docs/protocol.md §4 {@code decoupled}): one
 * {@code poll-decoupled} task per waiting source, its instance id {@code connection/source}, which
 * reschedules itself at the next poll time the connector asks for until the validation is given,
 * refused or lapses. db-scheduler hands each execution to one instance, and the poll runs under the
 * connection's lease, so neither two instances nor a client's {@code resume=true} complete a
 * validation twice.
 */
@Component
class DecoupledPolling {

    /** What a {@code poll-decoupled} execution polls, and when the validation was asked (for its expiry). */
    record DecoupledPoll(long userId, long connectionId, String source, Instant asked) implements Serializable {
    }

    static final TaskDescriptor<DecoupledPoll> POLL_DECOUPLED = TaskDescriptor.of("poll-decoupled", DecoupledPoll.class);

    // The scheduler is built from every task bean, this one's among them: looked up when first needed.
    private final ObjectProvider<SchedulerClient> scheduler;
    private final DecoupledPolls polls;

    DecoupledPolling(ObjectProvider<SchedulerClient> scheduler, DecoupledPolls polls) {
        this.scheduler = scheduler;
        this.polls = polls;
    }

    /**
     * Starts polling a validation a step left pending. A new validation replaces the poll of an
     * earlier one (its expiry counts from the new one); a poll still waiting keeps the poll running.
     */
    @EventListener
    void pending(DecoupledPending pending) {
        TaskInstance<DecoupledPoll> instance = POLL_DECOUPLED.instance(instanceId(pending.connectionId(), pending.source()))
                .data(new DecoupledPoll(pending.userId(), pending.connectionId(), pending.source(), pending.asked()))
                .build();
        try {
            scheduler.getObject().schedule(instance, pending.nextPoll(),
                    pending.fresh() ? ScheduleOptions.WHEN_EXISTS_RESCHEDULE : ScheduleOptions.WHEN_EXISTS_DO_NOTHING);
        } catch (TaskInstanceCurrentlyExecutingException running) {
            // That poll is running now; it goes on at the time the connector gives it.
        }
    }

    /** The execution that polls {@code source} of {@code connectionId}. */
    static String instanceId(long connectionId, String source) {
        return connectionId + "/" + source;
    }

    /** The task's work: polls once, then polls again when the connector says, or stops. */
    CompletionHandler<DecoupledPoll> execute(DecoupledPoll poll) {
        return pollOnce(poll).<CompletionHandler<DecoupledPoll>>map(at -> (complete, operations) -> operations.reschedule(complete, at))
                .orElseGet(CompletionHandler.OnCompleteRemove::new);
    }

    /** Polls once, in the user's time: when to poll again, or empty when done. */
    Optional<Instant> pollOnce(DecoupledPoll poll) {
        return UserTime.call(poll.userId(),
                () -> polls.poll(poll.userId(), poll.connectionId(), poll.source(), poll.asked()));
    }
}
