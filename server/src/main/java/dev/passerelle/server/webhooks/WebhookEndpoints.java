package dev.passerelle.server.webhooks;

import dev.passerelle.server.api.ApiError;
import dev.passerelle.server.crypto.AtRestCipher;
import dev.passerelle.server.crypto.Secrets;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * The endpoints client applications registered (PROTOCOL-NOTES §8.1). Each gets its own HMAC
 * secret (§8.3 alternative 2), shown once and stored sealed with the at-rest key.
 */
@Component
class WebhookEndpoints {

    /** The at-rest purpose of {@code webhook.secret}, bound into its envelope. */
    static final String SECRET = "webhook.secret";

    private static final String COLUMNS = "id, id_client, url, events, created";

    private final JdbcClient jdbc;
    private final AtRestCipher cipher;
    private final Clock clock;

    WebhookEndpoints(JdbcClient jdbc, AtRestCipher cipher, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** A new endpoint and its secret, in clear this one time. */
    record Registered(Webhook webhook, String secret) {

        @Override
        public String toString() {
            return "Registered[" + webhook + "]"; // never the secret
        }
    }

    Registered register(long clientId, String url, Set<WebhookEvent> events) {
        if (!clientExists(clientId)) {
            throw ApiError.INVALID_VALUE.exception("No client application " + clientId);
        }
        String checked = checkedUrl(url);
        String secret = Secrets.random(32);
        Instant now = clock.instant();
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO webhook (id_client, url, events, secret, created)
                        VALUES (:client, :url, :events, :secret, :created)""")
                .param("client", clientId).param("url", checked).param("events", WebhookEvent.join(events))
                .param("secret", cipher.encrypt(secret, SECRET)).param("created", now.atOffset(ZoneOffset.UTC))
                .update(key, "id");
        return new Registered(new Webhook(key.getKeyAs(Long.class), clientId, checked, events, now), secret);
    }

    List<Webhook> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook ORDER BY id").query(WebhookEndpoints::webhook).list();
    }

    boolean delete(long id) {
        return jdbc.sql("DELETE FROM webhook WHERE id = :id").param("id", id).update() == 1;
    }

    /** The endpoints of {@code clientId} subscribed to {@code event}. */
    List<Webhook> subscribed(long clientId, WebhookEvent event) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook WHERE id_client = :client ORDER BY id")
                .param("client", clientId).query(WebhookEndpoints::webhook).list().stream()
                .filter(hook -> hook.events().contains(event))
                .toList();
    }

    /** The secret of an endpoint, opened for signing. */
    Optional<String> secret(long id) {
        return jdbc.sql("SELECT secret FROM webhook WHERE id = :id").param("id", id).query(String.class).optional()
                .map(sealed -> cipher.decrypt(sealed, SECRET));
    }

    private boolean clientExists(long clientId) {
        return jdbc.sql("SELECT COUNT(*) FROM client_application WHERE id = :id").param("id", clientId)
                .query(Long.class).single() > 0;
    }

    /** Only absolute http(s) URLs: anything else could never be delivered. */
    private static String checkedUrl(String url) {
        try {
            URI uri = URI.create(url.strip());
            if (!uri.isAbsolute() || uri.getHost() == null || !Set.of("http", "https").contains(uri.getScheme())) {
                throw new IllegalArgumentException();
            }
            return uri.toString();
        } catch (IllegalArgumentException e) {
            throw ApiError.INVALID_VALUE.exception("'url' must be an absolute http or https URL");
        }
    }

    private static Webhook webhook(ResultSet rs, int row) throws SQLException {
        return new Webhook(rs.getLong("id"), rs.getLong("id_client"), rs.getString("url"),
                WebhookEvent.parse(WebhookEvent.split(rs.getString("events"))),
                rs.getObject("created", OffsetDateTime.class).toInstant());
    }
}
