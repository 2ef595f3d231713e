package dev.passerelle.server.webhooks;

import dev.passerelle.server.domainconfig.ConfigKey;
import dev.passerelle.server.domainconfig.ConfigKeys;
import dev.passerelle.server.domainconfig.DomainConfig;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The timings of webhook delivery (docs/protocol.md §8.4) as the domain configuration sets them at
 * run time ({@code webhooks.*} keys), each defaulting to its {@code passerelle.webhooks.*} property.
 */
@Component
class WebhookTimings implements ConfigKeys {

    private final DomainConfig config;
    private final ConfigKey<Duration> firstRetry;
    private final ConfigKey<Duration> maxRetry;
    private final ConfigKey<Duration> giveUpAfter;
    private final ConfigKey<Duration> timeout;
    private final ConfigKey<Long> failuresPerRun;
    private final ConfigKey<Duration> keepFinished;

    WebhookTimings(WebhooksProperties properties, DomainConfig config) {
        this.config = config;
        this.firstRetry = ConfigKey.period("webhooks.first_retry_seconds", ChronoUnit.SECONDS, 1, 86_400,
                properties.firstRetry(), "Seconds before a refused delivery is tried again; each further failure doubles it");
        this.maxRetry = ConfigKey.period("webhooks.max_retry_seconds", ChronoUnit.SECONDS, 1, 604_800,
                properties.maxRetry(), "The longest wait, in seconds, between two attempts of a delivery");
        this.giveUpAfter = ConfigKey.period("webhooks.give_up_after_hours", ChronoUnit.HOURS, 1, 720,
                properties.giveUpAfter(), "Hours after its event a delivery still refused is dropped");
        this.timeout = ConfigKey.period("webhooks.timeout_seconds", ChronoUnit.SECONDS, 1, 60,
                properties.timeout(), "Seconds an endpoint has to accept the connection, and again to answer");
        this.failuresPerRun = ConfigKey.whole("webhooks.failures_per_run", 1, 1000, properties.failuresPerRun(),
                "Consecutive failures after which an endpoint is left alone until the sender's next run");
        this.keepFinished = ConfigKey.period("webhooks.keep_finished_days", ChronoUnit.DAYS, 1, 365,
                properties.keepFinished(), "Days delivered and dropped deliveries stay in the delivery log");
    }

    @Override
    public List<ConfigKey<?>> keys() {
        return List.of(firstRetry, maxRetry, giveUpAfter, timeout, failuresPerRun, keepFinished);
    }

    /** The wait after the {@code attempts}-th failure: the first retry delay doubled each time, at most the longest wait. */
    Duration retryAfter(int attempts) {
        Duration max = config.value(maxRetry);
        Duration delay = config.value(firstRetry).multipliedBy(1L << Math.min(attempts - 1, 30));
        return delay.compareTo(max) > 0 || delay.isNegative() ? max : delay;
    }

    Duration giveUpAfter() {
        return config.value(giveUpAfter);
    }

    Duration timeout() {
        return config.value(timeout);
    }

    int failuresPerRun() {
        return Math.toIntExact(config.value(failuresPerRun));
    }

    Duration keepFinished() {
        return config.value(keepFinished);
    }
}
