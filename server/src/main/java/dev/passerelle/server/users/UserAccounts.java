package dev.passerelle.server.users;

import static dev.passerelle.server.config.DbTime.utc;

import dev.passerelle.server.auth.TokenKind;
import dev.passerelle.server.domainconfig.DomainConfig;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates, promotes, lists and deletes users (docs/protocol.md §1.3). A user created without client
 * credentials is temporary: it is purged {@code users.temporary_lifetime_minutes} after creation
 * ({@link #TEMPORARY_LIFETIME} by default) unless a permanent token is issued for it in time. Deleting a user deletes all of its data: tokens and
 * connections cascade from {@code app_user}, and accounts, transactions, subscriptions and
 * documents cascade from the connection.
 */
@Service
public class UserAccounts {

    /** By default, as long as the temporary token issued with the user. */
    public static final Duration TEMPORARY_LIFETIME = TokenKind.TEMPORARY.lifetime();

    private static final String COLUMNS = "id, signin, id_client, temporary_until";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final DomainConfig config;
    private final UserKeys keys;
    private final TransactionTemplate transactions;

    public UserAccounts(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events, DomainConfig config, UserKeys keys,
                        PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
        this.config = config;
        this.keys = keys;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** A new permanent user, bound to {@code clientId} when a client authenticated the call; publishes {@link UserCreated}. */
    public User createPermanent(Long clientId) {
        User user = create(clientId, null);
        events.publishEvent(new UserCreated(user));
        return user;
    }

    /** A new temporary user, purged after {@code users.temporary_lifetime_minutes} unless made permanent. */
    public User createTemporary() {
        return create(null, clock.instant().plus(config.value(keys.temporaryLifetime())));
    }

    private User create(Long clientId, Instant temporaryUntil) {
        Instant now = clock.instant();
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO app_user (signin, id_client, temporary_until) VALUES (:signin, :client, :until)")
                .param("signin", utc(now))
                .param("client", clientId)
                .param("until", utc(temporaryUntil))
                .update(key, "id");
        return new User(key.getKeyAs(Long.class), now, clientId, temporaryUntil);
    }

    /**
     * Makes the user permanent and records the client application that now owns it; publishes
     * {@link UserCreated} when the user was temporary.
     */
    public void makePermanent(long userId, long clientId) {
        boolean wasTemporary = find(userId).filter(user -> !user.isPermanent()).isPresent();
        jdbc.sql("UPDATE app_user SET temporary_until = NULL, id_client = :client WHERE id = :id")
                .param("client", clientId).param("id", userId).update();
        if (wasTemporary) {
            find(userId).ifPresent(user -> events.publishEvent(new UserCreated(user)));
        }
    }

    public Optional<User> find(long userId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE id = :id")
                .param("id", userId).query(UserAccounts::user).optional();
    }

    /** How many users the domain has, temporary ones included. */
    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM app_user").query(Long.class).single();
    }

    /** Every user of the domain, oldest first. */
    public List<User> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user ORDER BY id").query(UserAccounts::user).list();
    }

    /**
     * Which users to list; every criterion may be null.
     *
     * @param ids      only these users
     * @param clientId only the users of this client application
     * @param from     signed up at or after
     * @param until    signed up before
     */
    public record Filter(List<Long> ids, Long clientId, Instant from, Instant until) {
    }

    public record Page(List<User> users, long total) {
    }

    /** One page of the users matching {@code filter}, oldest first, and how many match in all. */
    public Page page(Filter filter, int limit, long offset) {
        if (filter.ids() != null && filter.ids().isEmpty()) {
            return new Page(List.of(), 0);
        }
        String where = " WHERE (CAST(:client AS BIGINT) IS NULL OR id_client = :client)"
                + " AND (CAST(:from AS TIMESTAMP WITH TIME ZONE) IS NULL OR signin >= :from)"
                + " AND (CAST(:until AS TIMESTAMP WITH TIME ZONE) IS NULL OR signin < :until)"
                + (filter.ids() == null ? "" : " AND id IN (:ids)");
        long total = bind(jdbc.sql("SELECT COUNT(*) FROM app_user" + where), filter).query(Long.class).single();
        List<User> users = bind(jdbc.sql("SELECT " + COLUMNS + " FROM app_user" + where
                + " ORDER BY id LIMIT :limit OFFSET :offset"), filter)
                .param("limit", limit).param("offset", offset).query(UserAccounts::user).list();
        return new Page(users, total);
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, Filter filter) {
        JdbcClient.StatementSpec bound = sql.param("client", filter.clientId()).param("from", utc(filter.from()))
                .param("until", utc(filter.until()));
        return filter.ids() == null ? bound : bound.param("ids", filter.ids());
    }

    /**
     * Deletes the user and everything of it, {@link UserDeleting} first, then publishes {@link UserDeleted}.
     * {@link UserDeleting} is published outside the deletion's transaction: its listeners call
     * institutions (a consent withdrawn), and a transaction held across those calls would hold a pooled
     * connection and the user's rows for as long as a slow bank takes, each of its connections in turn.
     *
     * @return whether this call deleted the user: false when it was gone already, or another deletion
     *         running at the same time removed it first (that one announces it)
     */
    public boolean delete(long userId) {
        Optional<User> user = find(userId);
        if (user.isEmpty()) {
            return false;
        }
        events.publishEvent(new UserDeleting(userId));
        return Boolean.TRUE.equals(transactions.execute(status -> {
            boolean deleted = jdbc.sql("DELETE FROM app_user WHERE id = :id").param("id", userId).update() == 1;
            if (deleted) {
                events.publishEvent(new UserDeleted(userId, user.get().clientId()));
            }
            return deleted;
        }));
    }

    /**
     * Deletes the temporary users whose time is up, each as {@link #delete} does (their consents at
     * institutions are withdrawn as when the user is deleted through the API); returns how many.
     */
    public int purgeExpiredTemporaryUsers() {
        List<Long> expired = jdbc.sql("SELECT id FROM app_user WHERE temporary_until IS NOT NULL AND temporary_until <= :now")
                .param("now", utc(clock.instant())).query(Long.class).list();
        expired.forEach(this::delete);
        return expired.size();
    }

    private static User user(ResultSet rs, int row) throws SQLException {
        OffsetDateTime until = rs.getObject("temporary_until", OffsetDateTime.class);
        return new User(rs.getLong("id"), rs.getObject("signin", OffsetDateTime.class).toInstant(),
                rs.getObject("id_client", Long.class), until == null ? null : until.toInstant());
    }

}
