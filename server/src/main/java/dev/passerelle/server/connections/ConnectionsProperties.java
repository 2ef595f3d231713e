package dev.passerelle.server.connections;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code passerelle.connections.*}: timings of the connection protocol, all measured on the
 * injected {@code Clock}.
 *
 * @param resumeWait   how long {@code resume=true} blocks waiting for a decoupled validation
 *                     before answering with the still-pending state (§3.4 "blocks until validated")
 * @param pendingAdd   how long an unfinished add lives before it is purged (observed {@code created + 2h})
 * @param retryDelay   when a transient failure without a hint from the institution is retried
 * @param stepLease    how long one step may hold a connection before another may take over
 */
@ConfigurationProperties("passerelle.connections")
public record ConnectionsProperties(Duration resumeWait, Duration pendingAdd, Duration retryDelay, Duration stepLease) {

    public ConnectionsProperties {
        resumeWait = resumeWait == null ? Duration.ofSeconds(30) : resumeWait;
        pendingAdd = pendingAdd == null ? Duration.ofHours(2) : pendingAdd;
        retryDelay = retryDelay == null ? Duration.ofHours(1) : retryDelay;
        stepLease = stepLease == null ? Duration.ofMinutes(10) : stepLease;
    }
}
