package dev.passerelle.server.sync;

import com.github.kagkarlsson.scheduler.Clock;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import dev.passerelle.server.connections.BackgroundQueue;
import dev.passerelle.server.connections.BackgroundStep;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The {@link BackgroundQueue} on db-scheduler's table: a queued step is a one-time task execution
 * that whichever instance polls first runs (within {@code db-scheduler.polling-interval}).
 */
@Component
class DatabaseBackgroundQueue implements BackgroundQueue {

    static final TaskDescriptor<BackgroundStep> CONNECTION_STEP = TaskDescriptor.of("connection-step", BackgroundStep.class);

    // The scheduler is built from every task bean, and the step task calls back into the
    // connections feature, which uses this queue: the client is looked up when first needed.
    private final ObjectProvider<SchedulerClient> scheduler;
    // The scheduler's own clock: a step queued in a request runs at once, even when the request's
    // user has moved their sandbox clock ahead of the server's.
    private final Clock clock;

    DatabaseBackgroundQueue(ObjectProvider<SchedulerClient> scheduler, Clock clock) {
        this.scheduler = scheduler;
        this.clock = clock;
    }

    @Override
    public void enqueue(BackgroundStep step) {
        scheduler.getObject().schedule(CONNECTION_STEP.instance(step.connectionId() + "/" + UUID.randomUUID())
                .data(step).build(), clock.now());
    }
}
