package dev.passerelle.server.clients;

import static dev.passerelle.server.config.DbTime.utc;

import dev.passerelle.server.api.ApiError;
import dev.passerelle.server.crypto.SlowHashes;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The client applications of the domain (docs/protocol.md §1.3): the integrators' back ends that
 * prove themselves with {@code client_id} + {@code client_secret}. Only a slow, salted hash of a
 * secret is stored ({@link SlowHashes}). The redirect URI whitelist guards every {@code redirect_uri} a webview or webauth flow
 * is given.
 */
@Service
public class ClientApplications {

    private static final String WRONG_CREDENTIALS = "Unknown client or wrong secret";

    private final JdbcClient jdbc;
    private final SlowHashes hashes;
    private final Clock clock;
    private final Set<String> ownPages = ConcurrentHashMap.newKeySet();

    public ClientApplications(JdbcClient jdbc, SlowHashes hashes, Clock clock) {
        this.jdbc = jdbc;
        this.hashes = hashes;
        this.clock = clock;
    }

    /** Creates client {@code id}, or updates its name, secret and whitelist if it exists. */
    public void register(long id, String name, String secret, List<String> redirectUris) {
        String hash = hashes.hash(normalized(secret));
        String uris = String.join("\n", redirectUris);
        if (update(id, name, hash, uris) == 0) {
            try {
                jdbc.sql("""
                        INSERT INTO client_application (id, name, secret_hash, redirect_uris, created)
                        VALUES (:id, :name, :hash, :uris, :created)""")
                        .param("id", id).param("name", name).param("hash", hash).param("uris", uris)
                        .param("created", utc(clock.instant()))
                        .update();
            } catch (DuplicateKeyException raced) {
                update(id, name, hash, uris); // another instance inserted it first: ours is as good
            }
        }
    }

    private int update(long id, String name, String hash, String uris) {
        return jdbc.sql("UPDATE client_application SET name = :name, secret_hash = :hash, redirect_uris = :uris WHERE id = :id")
                .param("id", id).param("name", name).param("hash", hash).param("uris", uris)
                .update();
    }

    /**
     * The numeric id of the client these credentials prove, or 401 {@code unauthorized}. An unknown
     * client and a wrong secret fail alike and take as long. A stored hash weaker than today's (an
     * earlier version's SHA-256, a lower bcrypt cost) is replaced on its first successful use.
     */
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

    /** The whitelisted redirect URIs of a client; empty for an unknown client. */
    public List<String> redirectUris(long clientId) {
        return jdbc.sql("SELECT redirect_uris FROM client_application WHERE id = :id")
                .param("id", clientId).query(String.class).optional()
                .map(uris -> Arrays.stream(uris.split("\n")).map(String::strip).filter(u -> !u.isEmpty()).toList())
                .orElse(List.of());
    }

    /**
     * Whether {@code uri} is exactly one of the client's whitelisted redirect URIs. A URI with a
     * query string never is: the flow appends its own parameters, and a caller-supplied query could
     * smuggle values into the callback.
     */
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

    private Optional<String> secretHash(long id) {
        return jdbc.sql("SELECT secret_hash FROM client_application WHERE id = :id")
                .param("id", id).query(String.class).optional();
    }

    private static Optional<Long> parseId(String clientId) {
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
}
