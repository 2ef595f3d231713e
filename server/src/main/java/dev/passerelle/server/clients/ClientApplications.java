package dev.passerelle.server.clients;

import static dev.passerelle.server.config.DbTime.utc;

import dev.passerelle.server.api.ApiError;
import dev.passerelle.server.api.ApiException;
import dev.passerelle.server.audit.ChangedBy;
import dev.passerelle.server.audit.ConfigChanges;
import dev.passerelle.server.auth.ClientCredentials;
import dev.passerelle.server.config.DbTime;
import dev.passerelle.server.crypto.Secrets;
import dev.passerelle.server.crypto.SlowHashes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.ObjectMapper;

/**
 * The client applications of the domain (docs/protocol.md §1.3): the integrators' back ends that
 * prove themselves with {@code client_id} + {@code client_secret}. Created, changed and deleted at
 * run time through the configuration API and the console (audited), or seeded from configuration
 * (the demo client). Only a slow, salted hash of a secret is stored ({@link SlowHashes}); the secret
 * is shown once, at creation or rotation. The redirect URI whitelist guards every
 * {@code redirect_uri} a webview or webauth flow is given. A deleted client keeps its row, marked,
 * so that its id never names another client.
 */
@Service
public class ClientApplications implements ClientCredentials {

    /**
     * Longest {@code state} a flow that ends on a client's redirect URI echoes (the webview, {@code /webauth}):
     * it travels in the redirect URI's query, which browsers and servers cap.
     */
    public static final int MAX_STATE = 2000;

    private static final String WRONG_CREDENTIALS = "Unknown client or wrong secret";
    private static final int SECRET_BYTES = 32;
    /** Client ids are 8 digits, as Powens' (docs/protocol.md §1.3). */
    private static final long FIRST_ID = 10_000_000L;
    private static final long LAST_ID = 99_999_999L;
    private static final String COLUMNS = "id, name, redirect_uris, webview, created, updated";

    private final JdbcClient jdbc;
    private final SlowHashes hashes;
    private final ConfigChanges changes;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;
    private final Clock clock;
    private final Set<String> ownPages = ConcurrentHashMap.newKeySet();

    public ClientApplications(JdbcClient jdbc, SlowHashes hashes, ConfigChanges changes, ApplicationEventPublisher events,
                              ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.hashes = hashes;
        this.changes = changes;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /** A client just created or given a new secret, with that secret in clear this one time. */
    public record WithSecret(ClientApplication client, String secret) {
        @Override
        public String toString() {
            return "WithSecret[" + client.id() + "]"; // never the secret
        }
    }

    /** What {@link #register} did. */
    public enum Seeded {
        CREATED, REFRESHED, KEPT_AS_CHANGED, DELETED
    }

    /**
     * Seeds client {@code id} from configuration: creates it, or refreshes its name, secret and
     * whitelist while nobody changed it through the API or the console. A client changed there
     * keeps those changes, and a deleted one stays deleted.
     */
    public Seeded register(long id, String name, String secret, List<String> redirectUris) {
        String hash = hashes.hash(normalized(secret));
        String uris = String.join("\n", redirectUris);
        return changes.apply(ChangedBy.CONFIGURATION, record -> {
            Optional<Row> row = row(id);
            if (row.isPresent() && row.get().deleted() != null) {
                return Seeded.DELETED;
            }
            if (row.isPresent() && row.get().client().updated() != null) {
                return Seeded.KEPT_AS_CHANGED;
            }
            ClientSettings seeded = new ClientSettings(name, splitUris(uris), WebviewBranding.NONE);
            if (row.isPresent()) {
                jdbc.sql("UPDATE client_application SET name = :name, secret_hash = :hash, redirect_uris = :uris WHERE id = :id")
                        .param("id", id).param("name", name).param("hash", hash).param("uris", uris)
                        .update();
                record.changed(key(id), audit(row.get().client().settings()), audit(seeded));
                return Seeded.REFRESHED;
            }
            insert(id, seeded, hash, null);
            record.changed(key(id), null, audit(seeded));
            return Seeded.CREATED;
        });
    }

    /** A new client application with a fresh id and secret; the secret is in the answer only. */
    public WithSecret create(ClientSettings settings, ChangedBy who) {
        String secret = Secrets.random(SECRET_BYTES);
        String hash = hashes.hash(secret);
        for (int attempt = 0; ; attempt++) {
            long id = ThreadLocalRandom.current().nextLong(FIRST_ID, LAST_ID + 1);
            try {
                ClientApplication client = changes.apply(who, record -> {
                    insert(id, settings, hash, clock.instant());
                    record.changed(key(id), null, audit(settings));
                    return find(id).orElseThrow();
                });
                return new WithSecret(client, secret);
            } catch (DuplicateKeyException taken) {
                if (attempt == 10) {
                    throw taken;
                }
            }
        }
    }

    private void insert(long id, ClientSettings settings, String hash, Instant updated) {
        jdbc.sql("""
                        INSERT INTO client_application (id, name, secret_hash, redirect_uris, webview, created, updated)
                        VALUES (:id, :name, :hash, :uris, :webview, :created, :updated)""")
                .param("id", id).param("name", settings.name()).param("hash", hash)
                .param("uris", String.join("\n", settings.redirectUris()))
                .param("webview", json.writeValueAsString(settings.branding()))
                .param("created", utc(clock.instant())).param("updated", utc(updated))
                .update();
    }

    /** Every client application, by id. */
    public List<ClientApplication> list() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM client_application WHERE deleted IS NULL ORDER BY id")
                .query(this::client).list();
    }

    public Optional<ClientApplication> find(long id) {
        return row(id).filter(row -> row.deleted() == null).map(Row::client);
    }

    /** Applies {@code change} to the client's settings; 404 for an unknown client. */
    public ClientApplication update(long id, UnaryOperator<ClientSettings> change, ChangedBy who) {
        return changes.apply(who, record -> {
            ClientApplication current = find(id).orElseThrow(() -> notFound(id));
            ClientSettings settings = change.apply(current.settings());
            jdbc.sql("""
                            UPDATE client_application SET name = :name, redirect_uris = :uris, webview = :webview, updated = :now
                            WHERE id = :id""")
                    .param("name", settings.name()).param("uris", String.join("\n", settings.redirectUris()))
                    .param("webview", json.writeValueAsString(settings.branding())).param("now", utc(clock.instant()))
                    .param("id", id).update();
            record.changed(key(id), audit(current.settings()), audit(settings));
            return find(id).orElseThrow();
        });
    }

    /** A new secret for the client, in the answer only; the previous one stops working at once. */
    public WithSecret rotateSecret(long id, ChangedBy who) {
        String secret = Secrets.random(SECRET_BYTES);
        String hash = hashes.hash(secret);
        ClientApplication client = changes.apply(who, record -> {
            find(id).orElseThrow(() -> notFound(id));
            jdbc.sql("UPDATE client_application SET secret_hash = :hash, updated = :now WHERE id = :id")
                    .param("hash", hash).param("now", utc(clock.instant())).param("id", id).update();
            record.changed(key(id) + ".secret", "(previous secret, not shown)", "(new secret, not shown)");
            return find(id).orElseThrow();
        });
        return new WithSecret(client, secret);
    }

    /**
     * Deletes the client: its secret stops working, and {@link ClientDeleted} tells the features
     * holding its tokens and webhook endpoints. Its users and their data stay, reachable with the
     * config token (and deleted with {@code DELETE /users/{id}}).
     */
    public void delete(long id, ChangedBy who) {
        changes.apply(who, record -> {
            ClientApplication client = find(id).orElseThrow(() -> notFound(id));
            jdbc.sql("UPDATE client_application SET deleted = :now, updated = :now WHERE id = :id")
                    .param("now", utc(clock.instant())).param("id", id).update();
            record.changed(key(id), audit(client.settings()), null);
            events.publishEvent(new ClientDeleted(id));
            return null;
        });
    }

    /** How the webview presents itself for the client; no branding for an unknown client. */
    public WebviewBranding branding(long clientId) {
        return find(clientId).map(c -> c.settings().branding()).orElse(WebviewBranding.NONE);
    }

    /**
     * The numeric id of the client these credentials prove, or 401 {@code unauthorized}. An unknown
     * client and a wrong secret fail alike and take as long. A stored hash weaker than today's (an
     * earlier version's SHA-256, a lower bcrypt cost) is replaced on its first successful use.
     */
    @Override
    public long authenticate(String clientId, String secret) {
        Optional<Long> id = parseId(clientId);
        Optional<String> storedHash = id.flatMap(this::secretHash);
        String presented = secret == null ? "" : normalized(secret);
        SlowHashes.Check check = hashes.check(presented, storedHash.orElse(null));
        if (secret == null || !check.right()) {
            throw ApiError.UNAUTHORIZED.exception(WRONG_CREDENTIALS);
        }
        if (check == SlowHashes.Check.RIGHT_REHASH) {
            rehash(id.orElseThrow(), storedHash.orElseThrow(), presented);
        }
        return id.orElseThrow();
    }

    /** Replaces the stored hash, unless the secret changed meanwhile (then the new one stays). */
    private void rehash(long id, String weaker, String secret) {
        jdbc.sql("UPDATE client_application SET secret_hash = :hash WHERE id = :id AND secret_hash = :weaker")
                .param("hash", hashes.hash(secret)).param("id", id).param("weaker", weaker)
                .update();
    }

    /** The whitelisted redirect URIs of a client; empty for an unknown or deleted client. */
    public List<String> redirectUris(long clientId) {
        return find(clientId).map(c -> c.settings().redirectUris()).orElse(List.of());
    }

    /**
     * Whether {@code uri} is exactly one of the client's whitelisted redirect URIs. A URI with a
     * query string never is: the flow appends its own parameters, and a caller-supplied query could
     * smuggle values into the callback.
     */
    @Override
    public boolean isWhitelisted(long clientId, String uri) {
        if (uri == null || uri.contains("?")) {
            return false;
        }
        List<String> whitelist = redirectUris(clientId);
        return whitelist.contains(uri) || (!whitelist.isEmpty() && ownPages.contains(uri));
    }

    /**
     * Accepts {@code uri}, a page of this server, as a redirect URI of every known client. Only for
     * a page that sends the browser on to nothing but a URI this class whitelisted: the webview's
     * return from a web authentication, which continues to the integrator's checked redirect URI.
     */
    public void allowOwnPage(String uri) {
        ownPages.add(uri);
    }

    /** Whether {@code uri} is one of this server's pages accepted by {@link #allowOwnPage}. */
    public boolean isOwnPage(String uri) {
        return ownPages.contains(uri);
    }

    /** 404 for a client that does not exist (or no longer). */
    public static ApiException notFound(long id) {
        return ApiError.NOT_FOUND.exception("No client application " + id);
    }

    private Optional<String> secretHash(long id) {
        return jdbc.sql("SELECT secret_hash FROM client_application WHERE id = :id AND deleted IS NULL")
                .param("id", id).query(String.class).optional();
    }

    private Optional<Row> row(long id) {
        return jdbc.sql("SELECT " + COLUMNS + ", deleted FROM client_application WHERE id = :id").param("id", id)
                .query((rs, n) -> new Row(client(rs, n), DbTime.instant(rs, "deleted"))).optional();
    }

    private ClientApplication client(ResultSet rs, int row) throws SQLException {
        String webview = rs.getString("webview");
        WebviewBranding branding = webview == null ? WebviewBranding.NONE : json.readValue(webview, WebviewBranding.class);
        return new ClientApplication(rs.getLong("id"),
                new ClientSettings(rs.getString("name"), splitUris(rs.getString("redirect_uris")), branding),
                DbTime.instant(rs, "created"), DbTime.instant(rs, "updated"));
    }

    /** The settings as the audit log shows them: JSON of the wire's names, never the secret. */
    private String audit(ClientSettings settings) {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("name", settings.name());
        shown.put("redirect_uris", settings.redirectUris());
        shown.put("config", settings.branding());
        return json.writeValueAsString(shown);
    }

    private static String key(long id) {
        return "client." + id;
    }

    private static List<String> splitUris(String uris) {
        return Arrays.stream(uris.split("\n")).map(String::strip).filter(u -> !u.isEmpty()).toList();
    }

    /**
     * A {@code client_id} as every entry point reads it (the API's {@code /auth/init}, {@code /webauth}, the
     * webview): up to 18 digits, surrounding white space ignored as for the client secret.
     */
    public static Optional<Long> parseId(String clientId) {
        if (clientId == null || !clientId.strip().matches("\\d{1,18}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(clientId.strip()));
    }

    /**
     * Surrounding whitespace is not part of a secret: {@code curl --data-urlencode client_secret@file}
     * sends the file's final newline along with it.
     */
    private static String normalized(String secret) {
        return secret.strip();
    }

    private record Row(ClientApplication client, Instant deleted) {
    }
}
