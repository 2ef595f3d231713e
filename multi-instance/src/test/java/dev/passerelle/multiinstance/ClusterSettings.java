package dev.passerelle.multiinstance;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings every instance of the tests' cluster shares: what docs/operations.md "Several
 * instances" says they must share (database, at-rest key, config token, demo client secret), and
 * short timings so that a cycle, a takeover and a webhook retry take seconds instead of minutes.
 */
final class ClusterSettings {

    static final long DEMO_CLIENT_ID = 10000001;
    static final String DEMO_CLIENT_SECRET = "multi-instance-demo-client-secret";
    static final String CONFIG_TOKEN = "multi-instance-config-token";

    /**
     * The step lease must end before db-scheduler declares a dead instance's execution dead (here
     * 1 s × 5 missed heartbeats = 5 s): the revived sync then finds the connection free and runs it
     * whole, instead of giving up on a lease nobody holds any more (docs/operations.md).
     */
    static final String STEP_LEASE = "3s";

    private static final String AT_REST_KEY = randomKey();

    private ClusterSettings() {
    }

    static Map<String, String> shared() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("spring.datasource.url", SharedDatabase.URL);
        settings.put("spring.datasource.username", SharedDatabase.USER);
        settings.put("spring.datasource.password", SharedDatabase.PASSWORD);
        settings.put("passerelle.crypto.at-rest-keys.k1", AT_REST_KEY);
        settings.put("passerelle.crypto.active-key", "k1");
        settings.put("passerelle.config-token", CONFIG_TOKEN);
        settings.put("passerelle.demo-client.secret", DEMO_CLIENT_SECRET);
        settings.put("db-scheduler.polling-interval", "1s");
        settings.put("db-scheduler.heartbeat-interval", "1s");
        settings.put("db-scheduler.missed-heartbeats-limit", "5");
        settings.put("passerelle.connections.step-lease", STEP_LEASE);
        settings.put("passerelle.sync.poll-interval", "1s");
        settings.put("passerelle.webhooks.send-interval", "1s");
        // A delivery whose sender died is posted again once its claim (twice the timeout) ends;
        // an endpoint that does not listen yet is retried every second or two.
        settings.put("passerelle.webhooks.timeout", "5s");
        settings.put("passerelle.webhooks.first-retry", "1s");
        settings.put("passerelle.webhooks.max-retry", "2s");
        // The webhook listener of these tests is on 127.0.0.1, which production refuses.
        settings.put("passerelle.webhooks.allow-private-targets", "true");
        // db-scheduler's own line per execution ("Executing: Execution: task=…, id=…"): who ran what.
        settings.put("logging.level.com.github.kagkarlsson.scheduler.ExecutePicked", "DEBUG");
        return settings;
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
