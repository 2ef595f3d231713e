package dev.passerelle.server.connections;

import static dev.passerelle.server.config.DbTime.utc;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Purges connections whose first step was never completed by their {@code expire} time (an OTP
 * never answered, a decoupled validation never given): docs/protocol.md §3.1 "during an unfinished
 * add the connection is purged at this time". A connection that succeeded once has no
 * {@code expire} and is never purged here.
 */
@Configuration(proxyBeanMethods = false)
public class UnfinishedAddPurge {

    private static final Logger log = LoggerFactory.getLogger(UnfinishedAddPurge.class);

    private final JdbcClient jdbc;
    private final Clock clock;

    UnfinishedAddPurge(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Deletes the expired unfinished connections; returns how many. */
    public int purge() {
        return jdbc.sql("DELETE FROM connection WHERE expire < :now AND last_update IS NULL")
                .param("now", utc(clock.instant()))
                .update();
    }

    @Bean
    RecurringTask<Void> purgeUnfinishedConnections() {
        return Tasks.recurring("purge-unfinished-connections", FixedDelay.ofMinutes(1))
                .execute((instance, context) -> {
                    int purged = purge();
                    if (purged > 0) {
                        log.info("Purged {} unfinished connection(s)", purged);
                    }
                });
    }
}
