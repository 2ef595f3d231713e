package dev.passerelle.server.limits;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code passerelle.limits.*}.
 *
 * @param authPerMinute               requests to {@code /auth/*} per client address and minute
 * @param connectionCreatesPerMinute  connection creations per token and minute
 * @param connectionCreatesPerAddressPerMinute connection creations per client address and minute (all tokens)
 * @param maxBodyBytes                largest accepted request body
 * @param connectorConcurrency        connector calls running at once per connector
 * @param connectorWait               how long a call waits for a free slot before a 429
 * @param connectorConcurrencyPerUser connector calls running at once per connector for one user; one beyond waits as above
 */
@ConfigurationProperties("passerelle.limits")
public record LimitsProperties(
        Integer authPerMinute,
        Integer connectionCreatesPerMinute,
        Integer connectionCreatesPerAddressPerMinute,
        Integer maxBodyBytes,
        Integer connectorConcurrency,
        Duration connectorWait,
        Integer connectorConcurrencyPerUser) {

    public LimitsProperties {
        authPerMinute = authPerMinute == null ? 60 : authPerMinute;
        connectionCreatesPerMinute = connectionCreatesPerMinute == null ? 20 : connectionCreatesPerMinute;
        connectionCreatesPerAddressPerMinute = connectionCreatesPerAddressPerMinute == null
                ? 120 : connectionCreatesPerAddressPerMinute;
        maxBodyBytes = maxBodyBytes == null ? 64 * 1024 : maxBodyBytes;
        connectorConcurrency = connectorConcurrency == null ? 16 : connectorConcurrency;
        connectorWait = connectorWait == null ? Duration.ofSeconds(5) : connectorWait;
        connectorConcurrencyPerUser = connectorConcurrencyPerUser == null ? 4 : connectorConcurrencyPerUser;
        if (connectorConcurrencyPerUser < 1) {
            throw new IllegalArgumentException("passerelle.limits.connector-concurrency-per-user must be at least 1");
        }
    }
}
