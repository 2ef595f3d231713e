package dev.passerelle.server.webhooks;

import static dev.passerelle.server.config.DbTime.utc;

import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** How webhook delivery goes, for the console's dashboard. Reads only. */
@Component
public class WebhookHealth {

    private final JdbcClient jdbc;

    WebhookHealth(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param failedAttempts attempts since then that no endpoint accepted
     * @param pending        deliveries waiting for an attempt now
     * @param givenUp        deliveries dropped after their last retry, still in the log
     */
    public record Summary(long failedAttempts, long pending, long givenUp) {
    }

    public Summary since(Instant since) {
        long failed = jdbc.sql("SELECT COUNT(*) FROM webhook_attempt WHERE error IS NOT NULL AND attempted >= :since")
                .param("since", utc(since)).query(Long.class).single();
        long pending = jdbc.sql("SELECT COUNT(*) FROM webhook_delivery WHERE next_attempt IS NOT NULL")
                .query(Long.class).single();
        long givenUp = jdbc.sql("SELECT COUNT(*) FROM webhook_delivery WHERE next_attempt IS NULL AND delivered IS NULL")
                .query(Long.class).single();
        return new Summary(failed, pending, givenUp);
    }
}
