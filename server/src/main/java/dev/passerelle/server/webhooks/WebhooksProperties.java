package dev.passerelle.server.webhooks;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code passerelle.webhooks.*}: how the outbox is sent (docs/protocol.md §8.4). The timings are the
 * defaults of the domain configuration's {@code webhooks.*} keys ({@link WebhookTimings}).
 *
 * @param sendInterval        delay between two runs of the sender
 * @param batchSize           at most this many deliveries are attempted per run
 * @param failuresPerRun      after this many consecutive failures an endpoint is left alone until the next run
 * @param firstRetry          delay before the first retry; each further failure doubles it
 * @param maxRetry            the longest delay between two attempts
 * @param giveUpAfter         a delivery still refused this long after its event is dropped
 * @param timeout             connect and answer time allowed to an endpoint
 * @param keepFinished        how long delivered and dropped deliveries are kept after their event, for support
 * @param rotationOverlap     how long a rotated-out secret keeps signing unless retired sooner, by default;
 *                            at most {@link #MAX_ROTATION_OVERLAP}
 * @param endpoints           endpoints seeded at start, in addition to those registered through the API
 * @param allowPrivateTargets whether endpoints may reach loopback, private, link-local and other non-public
 *                            addresses (a test or single-host setup); off, such URLs are refused
 */
@ConfigurationProperties("passerelle.webhooks")
public record WebhooksProperties(Duration sendInterval, Integer batchSize, Integer failuresPerRun, Duration firstRetry,
                                 Duration maxRetry, Duration giveUpAfter, Duration timeout, Duration keepFinished,
                                 Duration rotationOverlap, List<ConfiguredEndpoint> endpoints,
                                 Boolean allowPrivateTargets) {

    /**
     * The longest a rotated-out secret may keep signing: long enough for any receiver to deploy the
     * new secret, short enough that a leaked old secret does not stay useful.
     */
    public static final Duration MAX_ROTATION_OVERLAP = Duration.ofDays(7);

    /**
     * {@code passerelle.webhooks.endpoints[n].*}: an endpoint kept as configured at each start.
     *
     * @param clientId the client application whose users it follows
     * @param events   event names
     * @param auth     {@code hmac} (default) or {@code bearer}
     * @param secret   its secret, chosen by the operator
     */
    public record ConfiguredEndpoint(Long clientId, String url, List<String> events, String auth, String secret) {

        @Override
        public String toString() {
            return "ConfiguredEndpoint[" + clientId + " " + url + " " + events + "]"; // never the secret
        }
    }

    public WebhooksProperties {
        sendInterval = sendInterval == null ? Duration.ofSeconds(10) : sendInterval;
        batchSize = batchSize == null ? 500 : batchSize;
        failuresPerRun = failuresPerRun == null ? 10 : failuresPerRun;
        firstRetry = firstRetry == null ? Duration.ofSeconds(30) : firstRetry;
        maxRetry = maxRetry == null ? Duration.ofHours(6) : maxRetry;
        giveUpAfter = giveUpAfter == null ? Duration.ofDays(3) : giveUpAfter;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        keepFinished = keepFinished == null ? Duration.ofDays(7) : keepFinished;
        rotationOverlap = rotationOverlap == null ? Duration.ofDays(1) : rotationOverlap;
        endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
        allowPrivateTargets = allowPrivateTargets != null && allowPrivateTargets;
        if (rotationOverlap.isNegative() || rotationOverlap.isZero() || rotationOverlap.compareTo(MAX_ROTATION_OVERLAP) > 0) {
            throw new IllegalArgumentException("passerelle.webhooks.rotation-overlap must be positive and at most "
                    + MAX_ROTATION_OVERLAP.toDays() + " days");
        }
    }

}
