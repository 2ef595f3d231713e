package dev.passerelle.server.webhooks;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.passerelle.runtime.host.SealedColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The webhook sender as a db-scheduler task ({@code send-webhooks}, every
 * {@code passerelle.webhooks.send-interval}): with several instances only one sends at a time, so a
 * delivery is never posted twice at once. Also declares the sealed secret columns to key rotation.
 */
@Configuration(proxyBeanMethods = false)
class WebhookTasks {

    @Bean
    RecurringTask<Void> sendWebhooks(WebhookSender sender, WebhooksProperties properties) {
        return Tasks.recurring("send-webhooks", FixedDelay.of(properties.sendInterval()))
                .execute((instance, context) -> sender.sendDue());
    }

    @Bean
    SealedColumn webhookSecret() {
        return new SealedColumn("webhook", "secret", WebhookEndpoints.SECRET);
    }

    @Bean
    SealedColumn webhookPreviousSecret() {
        return new SealedColumn("webhook", "previous_secret", WebhookEndpoints.SECRET);
    }
}
