package dev.passerelle.server.sync;

import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.passerelle.server.config.UserTime;
import dev.passerelle.server.connections.BackgroundStep;
import dev.passerelle.server.connections.ConnectionWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The db-scheduler tasks of the background sync: {@code sync-due-connections} looks for due
 * connections every {@code passerelle.sync.poll-interval} and queues one {@code sync-connection}
 * per connection; {@code connection-step} runs the steps requests asked with {@code background=true};
 * {@code poll-decoupled} polls a decoupled validation until it is given ({@link DecoupledPolling}).
 * The tasks about one connection run in its user's time (the sandbox's per-user test clock).
 * All live in the database, so several instances share them.
 */
@Configuration(proxyBeanMethods = false)
class SyncTasks {

    private static final Logger log = LoggerFactory.getLogger(SyncTasks.class);

    @Bean
    RecurringTask<Void> syncDueConnections(BackgroundSync sync, SyncProperties properties) {
        return Tasks.recurring("sync-due-connections", FixedDelay.of(properties.pollInterval()))
                .execute((instance, context) -> {
                    int queued = sync.queueDue(context.getSchedulerClient());
                    if (queued > 0) {
                        log.info("Queued {} connection sync(s)", queued);
                    }
                });
    }

    @Bean
    OneTimeTask<BackgroundStep> connectionStep(ConnectionWork connections) {
        return Tasks.oneTime(DatabaseBackgroundQueue.CONNECTION_STEP)
                .execute((instance, context) -> UserTime.run(instance.getData().userId(),
                        () -> connections.runQueued(instance.getData())));
    }

    @Bean
    CustomTask<DecoupledPolling.DecoupledPoll> pollDecoupled(DecoupledPolling polling) {
        return Tasks.custom(DecoupledPolling.POLL_DECOUPLED)
                .execute((instance, context) -> polling.execute(instance.getData()));
    }

    @Bean
    OneTimeTask<Void> syncConnection(BackgroundSync sync) {
        return Tasks.oneTime(BackgroundSync.SYNC_CONNECTION)
                .execute((instance, context) -> sync.sync(Long.parseLong(instance.getId())));
    }
}
