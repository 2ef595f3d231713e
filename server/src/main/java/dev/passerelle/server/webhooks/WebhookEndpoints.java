package dev.passerelle.server.webhooks;

import static dev.passerelle.server.config.DbTime.instant;
import static dev.passerelle.server.config.DbTime.utc;

import dev.passerelle.server.api.ApiError;
import dev.passerelle.server.api.ApiException;
import dev.passerelle.server.clients.ClientDeleted;
import dev.passerelle.server.crypto.AtRestCipher;
import dev.passerelle.server.crypto.Secrets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The endpoints client applications registered (docs/protocol.md §8.1). Each gets its own secret
 * (docs/protocol.md §8.3), shown once and stored sealed with the at-rest key. Rotating it keeps the old secret
 * signing next to the new one until it is retired or expires, as Stripe does.
 */
@Component
class WebhookEndpoints {

    /** The at-rest purpose of {@code webhook.secret} and {@code webhook.previous_secret}, bound into their envelopes. */
    static final String SECRET = "webhook.secret";

    private static final String COLUMNS = """
            id, id_client, url, events, auth, id_auth, created, listener,
            CASE WHEN listened_until > :now THEN TRUE ELSE FALSE END AS listening,
            CASE WHEN previous_expires > :now THEN previous_expires END AS previous_expires""";

    private final JdbcClient jdbc;
    private final AtRestCipher cipher;
    private final WebhookTargets targets;
    private final Clock clock;

    WebhookEndpoints(JdbcClient jdbc, AtRestCipher cipher, WebhookTargets targets, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.targets = targets;
        this.clock = clock;
    }

    /** A new endpoint or secret, the secret in clear this one time. */
    record Registered(Webhook webhook, String secret) {

        @Override
        public String toString() {
            return "Registered[" + webhook + "]"; // never the secret
        }
    }

    /**
     * What signs an endpoint's calls.
     *
     * @param secrets the live secrets, the one being rotated out first: receivers already hold it
     */
    record SigningKeys(WebhookAuth auth, List<String> secrets, Long authProvider) {

        @Override
        public String toString() {
            return "SigningKeys[" + auth + ", " + secrets.size() + "]"; // never the secrets
        }
    }

    Registered register(long clientId, String url, Set<WebhookEvent> events, WebhookAuth auth, Long authProvider) {
        Registered registered = insert(clientId, targets.checkedUrl(url), events, auth, Secrets.random(32), false);
        if (authProvider != null) {
            authenticateWith(registered.webhook().id(), authProvider);
            return new Registered(find(registered.webhook().id()).orElseThrow(), registered.secret());
        }
        return registered;
    }

    /** Changes the events an endpoint receives. */
    void changeEvents(long id, Set<WebhookEvent> events) {
        jdbc.sql("UPDATE webhook SET events = :events WHERE id = :id").param("events", WebhookEvent.join(events))
                .param("id", id).update();
    }

    /** Lets auth provider {@code authProvider} authenticate the endpoint's calls, or (null) its own {@code auth} again. */
    void authenticateWith(long id, Long authProvider) {
        if (authProvider != null && jdbc.sql("SELECT COUNT(*) FROM webhook_auth_provider WHERE id = :id")
                .param("id", authProvider).query(Long.class).single() == 0) {
            throw ApiError.INVALID_VALUE.exception("No webhook auth provider " + authProvider + " ('id_auth')");
        }
        jdbc.sql("UPDATE webhook SET id_auth = :auth WHERE id = :id").param("auth", authProvider).param("id", id).update();
    }

    /**
     * The listener endpoint of {@code clientId} forwarding to {@code url} ({@link WebhookListeners}),
     * created the first time with a secret of its own, otherwise given the events and auth asked now;
     * answered with its current secret, as Stripe's CLI shows its signing secret at every
     * {@code listen}. The server never connects to {@code url}: it is what {@code BI-Signature} signs.
     * Events are queued for it from now until {@code listenedUntil}, which the stream then renews.
     */
    @Transactional
    Registered listener(long clientId, String url, Set<WebhookEvent> events, WebhookAuth auth, Instant listenedUntil) {
        String checked = targets.checkedListenerUrl(url);
        long id = lockedFind(clientId, checked, true)
                .orElseGet(() -> insert(clientId, checked, events, auth, Secrets.random(32), true).webhook().id());
        subscribe(id, events, auth);
        jdbc.sql("UPDATE webhook SET listened_until = :until WHERE id = :id").param("until", utc(listenedUntil))
                .param("id", id).update();
        return new Registered(find(id).orElseThrow(), secrets(id).orElseThrow().secrets().getLast());
    }

    /**
     * The endpoint of {@code clientId} at {@code url} as configured (its events, auth and secret),
     * created the first time: seeding it again at each start changes nothing else. Instances
     * started together seed the same endpoints: the client's row, locked until commit, makes them
     * take turns, so the later ones find the endpoint the first created.
     */
    @Transactional
    Webhook configure(long clientId, String url, Set<WebhookEvent> events, WebhookAuth auth, String secret) {
        String checked = targets.checkedUrl(url);
        Optional<Long> known = lockedFind(clientId, checked, false);
        if (known.isEmpty()) {
            return insert(clientId, checked, events, auth, secret, false).webhook();
        }
        boolean sameSecret = secrets(known.get()).map(keys -> keys.secrets().getLast().equals(secret)).orElse(false);
        subscribe(known.get(), events, auth);
        if (!sameSecret) {
            jdbc.sql("UPDATE webhook SET secret = :secret, previous_secret = NULL, previous_expires = NULL WHERE id = :id")
                    .param("secret", cipher.encrypt(secret, SECRET)).param("id", known.get()).update();
        }
        return find(known.get()).orElseThrow();
    }

    /**
     * The endpoint (posted to, or a listener) of {@code clientId} at {@code url}, once the client's row
     * is locked until commit: instances or CLIs doing this together take turns, so the later ones
     * find the endpoint the first created.
     */
    private Optional<Long> lockedFind(long clientId, String url, boolean listener) {
        jdbc.sql("SELECT id FROM client_application WHERE id = :id FOR UPDATE").param("id", clientId)
                .query(Long.class).list();
        return jdbc.sql("SELECT id FROM webhook WHERE id_client = :client AND url = :url AND listener = :listener ORDER BY id")
                .param("client", clientId).param("url", url).param("listener", listener)
                .query(Long.class).list().stream().findFirst();
    }

    private void subscribe(long id, Set<WebhookEvent> events, WebhookAuth auth) {
        jdbc.sql("UPDATE webhook SET events = :events, auth = :auth WHERE id = :id")
                .param("events", WebhookEvent.join(events)).param("auth", auth.wire()).param("id", id)
                .update();
    }

    private Registered insert(long clientId, String url, Set<WebhookEvent> events, WebhookAuth auth, String secret,
                              boolean listener) {
        if (!clientExists(clientId)) {
            throw ApiError.INVALID_VALUE.exception("No client application " + clientId);
        }
        Instant now = clock.instant();
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO webhook (id_client, url, events, auth, secret, created, listener)
                        VALUES (:client, :url, :events, :auth, :secret, :created, :listener)""")
                .param("client", clientId).param("url", url).param("events", WebhookEvent.join(events))
                .param("auth", auth.wire()).param("secret", cipher.encrypt(secret, SECRET)).param("created", utc(now))
                .param("listener", listener).update(key, "id");
        return new Registered(new Webhook(key.getKeyAs(Long.class), clientId, url, events, auth, now, null, null, listener, false),
                secret);
    }

    /**
     * A new secret for endpoint {@code id}; the current one keeps signing for {@code overlap} unless
     * retired sooner. Refused while an earlier rotation still has a live old secret: dropping it
     * unasked could lock out a receiver that has not switched yet.
     */
    Registered rotate(long id, Duration overlap) {
        Webhook hook = find(id).orElseThrow(() -> notFound(id));
        if (hook.previousSecretExpires() != null) {
            throw ApiError.CONFLICT.exception("Webhook " + id + " is already rotating; retire its previous secret first");
        }
        String secret = Secrets.random(32);
        Instant expires = clock.instant().plus(overlap);
        jdbc.sql("""
                        UPDATE webhook SET previous_secret = secret, previous_expires = :expires, secret = :secret
                        WHERE id = :id""")
                .param("expires", utc(expires)).param("secret", cipher.encrypt(secret, SECRET)).param("id", id)
                .update();
        return new Registered(find(id).orElseThrow(), secret);
    }

    /** Stops signing with the secret being rotated out; false when there is none. */
    boolean retirePrevious(long id) {
        find(id).orElseThrow(() -> notFound(id));
        return jdbc.sql("""
                        UPDATE webhook SET previous_secret = NULL, previous_expires = NULL
                        WHERE id = :id AND previous_expires > :now""")
                .param("id", id).param("now", utc(clock.instant())).update() == 1;
    }

    List<Webhook> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook ORDER BY id").param("now", utc(clock.instant()))
                .query(WebhookEndpoints::webhook).list();
    }

    Optional<Webhook> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook WHERE id = :id").param("id", id)
                .param("now", utc(clock.instant())).query(WebhookEndpoints::webhook).optional();
    }

    boolean delete(long id) {
        return jdbc.sql("DELETE FROM webhook WHERE id = :id").param("id", id).update() == 1;
    }

    /**
     * The endpoints of {@code clientId} subscribed to {@code event}; a listener endpoint only while a
     * CLI listens to it, so that nothing piles up for a developer machine that went away.
     */
    List<Webhook> subscribed(long clientId, WebhookEvent event) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook WHERE id_client = :client ORDER BY id")
                .param("client", clientId).param("now", utc(clock.instant()))
                .query(WebhookEndpoints::webhook).list().stream()
                .filter(hook -> hook.events().contains(event) && (!hook.listener() || hook.listening()))
                .toList();
    }

    /** The live secrets of an endpoint, opened for signing. */
    Optional<SigningKeys> secrets(long id) {
        return jdbc.sql("""
                        SELECT auth, id_auth, secret, CASE WHEN previous_expires > :now THEN previous_secret END AS previous
                        FROM webhook WHERE id = :id""")
                .param("id", id).param("now", utc(clock.instant()))
                .query((rs, row) -> {
                    List<String> secrets = new ArrayList<>();
                    Optional.ofNullable(rs.getString("previous")).ifPresent(sealed -> secrets.add(cipher.decrypt(sealed, SECRET)));
                    secrets.add(cipher.decrypt(rs.getString("secret"), SECRET));
                    return new SigningKeys(WebhookAuth.parse(rs.getString("auth")), List.copyOf(secrets),
                            rs.getObject("id_auth", Long.class));
                })
                .optional();
    }

    static ApiException notFound(long id) {
        return ApiError.NOT_FOUND.exception("No webhook " + id);
    }

    private boolean clientExists(long clientId) {
        return jdbc.sql("SELECT COUNT(*) FROM client_application WHERE id = :id AND deleted IS NULL").param("id", clientId)
                .query(Long.class).single() > 0;
    }

    /** A deleted client's endpoints go, with their pending deliveries, in the deletion's transaction. */
    @EventListener
    void onClientDeleted(ClientDeleted deleted) {
        jdbc.sql("DELETE FROM webhook WHERE id_client = :client").param("client", deleted.clientId()).update();
    }

    private static Webhook webhook(ResultSet rs, int row) throws SQLException {
        return new Webhook(rs.getLong("id"), rs.getLong("id_client"), rs.getString("url"),
                WebhookEvent.parse(WebhookEvent.split(rs.getString("events"))), WebhookAuth.parse(rs.getString("auth")),
                instant(rs, "created"), instant(rs, "previous_expires"), rs.getObject("id_auth", Long.class),
                rs.getBoolean("listener"), rs.getBoolean("listening"));
    }
}
