package dev.passerelle.server.connections;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code passerelle.connections.*}: timings of the connection protocol, all measured on the
 * injected {@code Clock}.
 *
 * @param resumeWait         how long {@code resume=true} blocks waiting for a decoupled validation
 *                           before answering with the still-pending state (docs/protocol.md §3.4 "blocks until validated")
 * @param pendingAdd         how long an unfinished add lives before it is purged (observed {@code created + 2h})
 * @param retryDelay         the base of the backoff after a transient failure: the longest wait after the first
 * @param retryMaxDelay      the longest wait between two retries, however many failures came before
 * @param stepLease          how long one step may hold a connection before another may take over
 * @param consentValidity    how long a strong authentication lets background syncs run (PSD2 RTS art. 10: 180 days)
 * @param consentValidityByConnector the same per connector uuid, for institutions that grant another validity
 * @param decoupledPollInterval the least time between two background polls of a decoupled validation: the
 *                           connector's {@code pollAfter} when longer (docs/protocol.md §4 {@code decoupled})
 * @param decoupledExpiry    how long the background polls wait for a decoupled validation before the source
 *                           goes to {@code SCARequired} (the institution's own expiry when earlier)
 */
@ConfigurationProperties("passerelle.connections")
public record ConnectionsProperties(Duration resumeWait, Duration pendingAdd, Duration retryDelay, Duration retryMaxDelay,
                                    Duration stepLease, Duration consentValidity,
                                    Map<String, Duration> consentValidityByConnector, Duration decoupledPollInterval,
                                    Duration decoupledExpiry) {

    public ConnectionsProperties {
        resumeWait = resumeWait == null ? Duration.ofSeconds(30) : resumeWait;
        pendingAdd = pendingAdd == null ? Duration.ofHours(2) : pendingAdd;
        retryDelay = retryDelay == null ? Duration.ofMinutes(5) : retryDelay;
        retryMaxDelay = retryMaxDelay == null ? Duration.ofHours(24) : retryMaxDelay;
        stepLease = stepLease == null ? Duration.ofMinutes(10) : stepLease;
        consentValidity = consentValidity == null ? Duration.ofDays(180) : consentValidity;
        consentValidityByConnector = consentValidityByConnector == null ? Map.of() : Map.copyOf(consentValidityByConnector);
        decoupledPollInterval = decoupledPollInterval == null ? Duration.ofSeconds(2) : decoupledPollInterval;
        decoupledExpiry = decoupledExpiry == null ? Duration.ofMinutes(10) : decoupledExpiry;
    }
}
