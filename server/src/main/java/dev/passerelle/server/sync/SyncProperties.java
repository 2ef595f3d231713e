package dev.passerelle.server.sync;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code passerelle.sync.*}: how often the background sync looks for due connections and how many
 * it queues per look.
 *
 * @param pollInterval delay between two looks for due connections
 * @param batchSize    at most this many connections are queued per look, oldest due first
 */
@ConfigurationProperties("passerelle.sync")
public record SyncProperties(Duration pollInterval, Integer batchSize) {

    public SyncProperties {
        pollInterval = pollInterval == null ? Duration.ofMinutes(1) : pollInterval;
        batchSize = batchSize == null ? 100 : batchSize;
    }
}
