package dev.passerelle.server.auth;

import static dev.passerelle.server.config.DbTime.utc;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.passerelle.server.api.ApiError;
import dev.passerelle.server.config.UserTime;
import dev.passerelle.server.crypto.Secrets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issues, resolves and revokes user tokens. Only the SHA-256 of a token is stored; the token
 * itself is returned once, to the caller that asked for it.
 *
 * <p>A resolution is reused for {@code passerelle.auth.token-cache-ttl} (every request carries a
 * token, and asking the database each time cost a tenth of a page of transactions: docs/performance.md,
 * P2). Whatever can make a cached resolution wrong forgets them all, at once and again when its
 * transaction ends: a revocation ({@code DELETE /auth/token}, {@code revoke_previous}, with the
 * derived tokens that die with their origin), a deleted user. (A temporary user made permanent
 * needs nothing: none of its tokens outlives the temporary user's life.) A
 * resolution read before such a change is never reused after it: each one remembers the count of
 * changes it was read under. Single-use codes are never cached: resolving one spends it.
 *
 * <p>Its one transaction is programmatic, so that the service is no proxy: every request resolves
 * a token, and a call through a proxy costs a reflective invocation (docs/performance.md, P2).
 */
@Service
public class TokenService {

    private static final int TOKEN_BYTES = 48; // 384 bits; ~64 URL-safe characters on the wire

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    /** Resolutions by token hash, each with the {@link #changes} count it was read under. */
    private final Cache<String, Cached> cache;
    /** How many times cached resolutions were forgotten: one read under an older count is stale. */
    private final AtomicLong changes = new AtomicLong();

    public TokenService(JdbcClient jdbc, PlatformTransactionManager transactionManager, Clock clock,
                        AuthProperties properties) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.cache = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(properties.tokenCacheTtl()).build();
    }

    /** A fresh origin token of {@code kind} (permanent or temporary) for {@code userId}; the issue carries the only copy. */
    public Issued issue(TokenKind kind, long userId, Long clientId) {
        Instant now = clock.instant();
        return insert(kind, userId, clientId, kind.lifetime() == null ? null : now.plus(kind.lifetime()), null, now);
    }

    /**
     * A token of {@code kind} derived from the bearer's token {@code from}: a code, or a webview
     * session. It expires with its own lifetime or with {@code from}, whichever comes first, and it
     * remembers {@code from}, so revoking {@code from} revokes it too (docs/auth.md "Derived tokens").
     */
    public Issued derive(TokenKind kind, Caller.User from) {
        return transactions.execute(status -> {
            Instant now = clock.instant();
            Instant own = now.plus(kind.lifetime());
            Instant parent = jdbc.sql("SELECT expires_at FROM auth_token WHERE id = :id")
                    .param("id", from.tokenId())
                    .query((rs, n) -> Optional.ofNullable(instant(rs.getObject("expires_at", OffsetDateTime.class))))
                    .optional()
                    .orElseThrow(() -> ApiError.UNAUTHORIZED.exception("The token was revoked meanwhile"))
                    .orElse(own);
            Instant expiresAt = parent.isBefore(own) ? parent : own;
            return insert(kind, from.userId(), from.clientId(), expiresAt, from.tokenId(), now);
        });
    }

    private Issued insert(TokenKind kind, long userId, Long clientId, Instant expiresAt, Long origin, Instant now) {
        String token = Secrets.random(TOKEN_BYTES);
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO auth_token (token_hash, kind, id_user, id_client, created, expires_at, origin_token_id)
                VALUES (:hash, :kind, :user, :client, :created, :expires, :origin)""")
                .param("hash", Secrets.sha256(token))
                .param("kind", kind.name())
                .param("user", userId)
                .param("client", clientId)
                .param("created", utc(now))
                .param("expires", utc(expiresAt))
                .param("origin", origin)
                .update(key, "id");
        return new Issued(key.getKeyAs(Long.class), token, kind, userId, expiresAt, now);
    }

    /**
     * The user a token stands for, if it exists, has not expired, and its user is still there.
     * A single-use code is spent by this call: a second resolution fails. Not a transaction of its
     * own: a cached resolution needs no database connection at all (every request resolves a token;
     * beginning a transaction took a pooled connection each time, docs/performance.md, P2), and the
     * read and the spending are each one atomic statement.
     */
    public Optional<Caller.User> resolve(String token) {
        String hash = Secrets.sha256(token);
        Cached cached = cache.getIfPresent(hash);
        Optional<Row> found;
        if (cached != null && cached.readUnder() == changes.get()) {
            found = Optional.of(cached.row());
        } else {
            long readUnder = changes.get();
            found = read(hash);
            found.filter(row -> row.kind() != TokenKind.SINGLE_USE_CODE)
                    .ifPresent(row -> cache.put(hash, new Cached(row, readUnder)));
        }
        return found.filter(row -> {
                    // The token's user's time: in the sandbox, moving that user's clock expires it.
                    Instant now = UserTime.call(row.userId(), clock::instant);
                    return row.usableAt(now) && (row.kind() != TokenKind.SINGLE_USE_CODE || spend(row.id(), now));
                })
                .map(row -> new Caller.User(row.userId(), row.kind(), row.id(), row.clientId()));
    }

    private Optional<Row> read(String hash) {
        return jdbc.sql("""
                SELECT t.id, t.kind, t.id_user, t.id_client, t.expires_at, t.consumed_at, u.temporary_until
                FROM auth_token t JOIN app_user u ON u.id = t.id_user
                WHERE t.token_hash = :hash""")
                .param("hash", hash)
                .query((rs, n) -> new Row(rs.getLong("id"), TokenKind.valueOf(rs.getString("kind")),
                        rs.getLong("id_user"), (Long) rs.getObject("id_client", Long.class),
                        instant(rs.getObject("expires_at", OffsetDateTime.class)),
                        instant(rs.getObject("consumed_at", OffsetDateTime.class)),
                        instant(rs.getObject("temporary_until", OffsetDateTime.class))))
                .optional();
    }

    /**
     * Forgets every cached resolution, now and again when the current transaction ends (a
     * resolution read meanwhile still saw the rows it changes): call it with any change to a token
     * or to its user that can make a token unusable or usable differently.
     */
    public void forgetResolutions() {
        changes.incrementAndGet();
        cache.invalidateAll();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    changes.incrementAndGet();
                    cache.invalidateAll();
                }
            });
        }
    }

    private boolean spend(long tokenId, Instant now) {
        return jdbc.sql("UPDATE auth_token SET consumed_at = :now WHERE id = :id AND consumed_at IS NULL")
                .param("now", utc(now)).param("id", tokenId).update() == 1;
    }

    /**
     * Deletes the token with this id (e.g. {@code DELETE /auth/token} on the caller's own token), and
     * with it every token derived from it (the foreign key cascades down the chain).
     */
    public void revoke(long tokenId) {
        jdbc.sql("DELETE FROM auth_token WHERE id = :id").param("id", tokenId).update();
        forgetResolutions();
    }

    /**
     * Deletes every token and code issued through client application {@code clientId}: whatever its
     * users hold through it stops working. Tokens issued with the config token, or anonymously, stay.
     */
    public void revokeClient(long clientId) {
        jdbc.sql("DELETE FROM auth_token WHERE id_client = :client").param("client", clientId).update();
        forgetResolutions();
    }

    /**
     * Deletes every permanent token of {@code userId} but {@code keepTokenId} ({@code revoke_previous}),
     * and the codes and sessions derived from them.
     */
    public void revokeOtherPermanentTokens(long userId, long keepTokenId) {
        jdbc.sql("DELETE FROM auth_token WHERE id_user = :user AND kind = 'PERMANENT' AND id <> :keep")
                .param("user", userId).param("keep", keepTokenId).update();
        forgetResolutions();
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }

    /**
     * A token just issued: {@code token} is the only copy of the secret; {@code id} names it for
     * revocation; {@code issuedAt} and {@code expiresAt} give its actual lifetime (a derived token's
     * may be shorter than its kind's).
     */
    public record Issued(long id, String token, TokenKind kind, long userId, Instant expiresAt, Instant issuedAt) {
        /** Whole seconds left to live when issued, or null for a token that does not expire. */
        public Integer expiresIn() {
            return expiresAt == null ? null : Math.toIntExact(Duration.between(issuedAt, expiresAt).toSeconds());
        }

        @Override
        public String toString() {
            return "Issued[" + kind + " for user " + userId + "]";
        }
    }

    private record Cached(Row row, long readUnder) {
    }

    private record Row(long id, TokenKind kind, long userId, Long clientId, Instant expiresAt, Instant consumedAt,
                       Instant userTemporaryUntil) {
        boolean usableAt(Instant now) {
            return (expiresAt == null || now.isBefore(expiresAt))
                    && consumedAt == null
                    && (userTemporaryUntil == null || now.isBefore(userTemporaryUntil));
        }
    }
}
