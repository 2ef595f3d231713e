package dev.passerelle.server.users;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every minute, deletes the temporary users whose 30 minutes are up (docs/protocol.md §1.3). A
 * db-scheduler task, so that with several instances on one database only one runs it at a time.
 */
@Configuration(proxyBeanMethods = false)
public class TemporaryUserPurge {

    private static final Logger log = LoggerFactory.getLogger(TemporaryUserPurge.class);

    @Bean
    RecurringTask<Void> purgeTemporaryUsers(UserAccounts users) {
        return Tasks.recurring("purge-temporary-users", FixedDelay.ofMinutes(1))
                .execute((instance, context) -> {
                    int purged = users.purgeExpiredTemporaryUsers();
                    if (purged > 0) {
                        log.info("Purged {} expired temporary user(s)", purged);
                    }
                });
    }
}
