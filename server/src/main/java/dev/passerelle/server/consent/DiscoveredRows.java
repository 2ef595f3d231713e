package dev.passerelle.server.consent;

import static dev.passerelle.server.config.DbTime.utc;

import dev.passerelle.server.connections.OpenSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * What bank accounts and subscriptions share (docs/protocol.md §7.1, §7.3): both are discovered on a
 * connection source, keyed by the institution's external id, start disabled until the user
 * consents, get {@code deleted} when the institution stops showing them and carry the {@code error}
 * of their last data fetch. The table-specific columns stay with their own store.
 */
@Component
public class DiscoveredRows {

    /** The two tables of discovered items; the names are constants, never user input. */
    public enum Kind {
        ACCOUNT("bank_account"), SUBSCRIPTION("subscription");

        private final String table;

        Kind(String table) {
            this.table = table;
        }
    }

    /**
     * Which items a user-facing read may see: the user's own, optionally of one connection, and the
     * disabled ones only with {@code ?all} (docs/protocol.md §0 "Implicit filtering"). Deleted items
     * stay visible, carrying their {@code deleted} date.
     */
    public record Visible(long userId, Long connectionId, boolean all) {

        /** The {@code WHERE} clause over the table aliased {@code alias}. */
        public String where(String alias) {
            return " WHERE " + alias + ".id_user = :visibleUser"
                    + (connectionId == null ? "" : " AND " + alias + ".id_connection = :visibleConnection")
                    + (all ? "" : " AND " + alias + ".disabled IS NULL");
        }

        /** The same items, disabled ones included: what an edit answers with once it addressed them. */
        public Visible withAll() {
            return new Visible(userId, connectionId, true);
        }

        public Map<String, Object> params() {
            return connectionId == null ? Map.of("visibleUser", userId)
                    : Map.of("visibleUser", userId, "visibleConnection", connectionId);
        }
    }

    private final JdbcClient jdbc;
    private final NamedParameterJdbcOperations batch;

    public DiscoveredRows(JdbcClient jdbc, NamedParameterJdbcOperations batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /**
     * How one table's listed items are written: each item's external id, the columns a listing gives
     * it (by parameter name), the {@code INSERT} of a new item and the {@code UPDATE} of a known one.
     * Both statements also bind {@code :source} and {@code :now}; the insert binds {@code :connection},
     * {@code :user} and {@code :externalId}, the update {@code :id}.
     */
    public record Writes<T>(Function<T, String> externalId, Function<T, Map<String, ?>> columns, String insert,
                            String refresh) {
    }

    /**
     * What a reconciliation left: the row id of every listed item, by external id; the ids it inserted;
     * and the ids of the source's items that are now {@linkplain #fetchableOfSource fetchable}, in id
     * order: the listed ones the user had consented to (a new item starts disabled; an item no longer
     * listed is deleted).
     */
    public record Reconciled(Map<String, Long> ids, Set<Long> inserted, List<Long> fetchable) {
    }

    /**
     * Inserts the listed items the connection does not know yet, all in one JDBC batch, refreshes the
     * known ones and marks deleted the source's items no longer listed. An external id listed twice is
     * inserted once and refreshed with its later listing.
     */
    public <T> Reconciled reconcile(Kind kind, OpenSource source, List<T> listed, Writes<T> writes, Instant now) {
        Map<String, Long> ids = new HashMap<>();
        Set<Long> consented = new HashSet<>();
        jdbc.sql("SELECT id, external_id, disabled FROM " + kind.table + " WHERE id_connection = :c")
                .param("c", source.connectionId())
                .query(rs -> {
                    ids.put(rs.getString("external_id"), rs.getLong("id"));
                    if (rs.getObject("disabled") == null) {
                        consented.add(rs.getLong("id"));
                    }
                });
        Map<String, T> fresh = new LinkedHashMap<>();
        List<T> known = new ArrayList<>();
        for (T item : listed) {
            String externalId = writes.externalId().apply(item);
            if (ids.containsKey(externalId) || fresh.putIfAbsent(externalId, item) != null) {
                known.add(item);
            }
        }
        Iterator<Long> newIds = insert(writes, source, List.copyOf(fresh.values()), now).iterator();
        Set<Long> inserted = new HashSet<>();
        fresh.keySet().forEach(externalId -> {
            long id = newIds.next();
            ids.put(externalId, id);
            inserted.add(id);
        });
        known.forEach(item -> refresh(writes, source, ids.get(writes.externalId().apply(item)), item, now));
        List<Long> present = listed.stream().map(item -> ids.get(writes.externalId().apply(item))).toList();
        markMissingDeleted(kind, source, present, now);
        return new Reconciled(ids, inserted, present.stream().filter(consented::contains).distinct().sorted().toList());
    }

    /** The new items' {@code INSERT} as one JDBC batch; their new ids, in the items' order. */
    private <T> List<Long> insert(Writes<T> writes, OpenSource source, List<T> items, Instant now) {
        if (items.isEmpty()) {
            return List.of();
        }
        SqlParameterSource[] rows = items.stream()
                .map(item -> new MapSqlParameterSource(writes.columns().apply(item))
                        .addValue("connection", source.connectionId())
                        .addValue("user", source.userId())
                        .addValue("source", source.sourceId())
                        .addValue("externalId", writes.externalId().apply(item))
                        .addValue("now", utc(now)))
                .toArray(SqlParameterSource[]::new);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        batch.batchUpdate(writes.insert(), rows, keys, new String[] {"id"});
        // One key column was asked for, so each row's map holds it alone (named ID by H2, id by PostgreSQL).
        return keys.getKeyList().stream().map(key -> ((Number) key.values().iterator().next()).longValue()).toList();
    }

    private <T> void refresh(Writes<T> writes, OpenSource source, long id, T item, Instant now) {
        jdbc.sql(writes.refresh()).params(writes.columns().apply(item))
                .param("source", source.sourceId()).param("now", utc(now)).param("id", id).update();
    }

    private void markMissingDeleted(Kind kind, OpenSource source, Collection<Long> present, Instant now) {
        String sql = "UPDATE " + kind.table + " SET deleted = :now, last_update = :now"
                + " WHERE id_connection = :c AND (id_source = :s OR id_source IS NULL) AND deleted IS NULL";
        JdbcClient.StatementSpec spec = jdbc.sql(present.isEmpty() ? sql : sql + " AND id NOT IN (:present)")
                .param("now", utc(now))
                .param("c", source.connectionId())
                .param("s", source.sourceId());
        (present.isEmpty() ? spec : spec.param("present", present)).update();
    }

    /** The items of a source the user consented to and the institution still shows. */
    public List<Long> fetchableOfSource(Kind kind, long sourceId) {
        return jdbc.sql("SELECT id FROM " + kind.table
                        + " WHERE id_source = :s AND disabled IS NULL AND deleted IS NULL ORDER BY id")
                .param("s", sourceId).query(Long.class).list();
    }

    /** Records consent ({@code disabled} null) or its withdrawal (the time it was withdrawn). */
    public void setDisabled(Kind kind, long id, Instant disabled) {
        jdbc.sql("UPDATE " + kind.table + " SET disabled = :d WHERE id = :id")
                .param("d", utc(disabled)).param("id", id).update();
    }

    /** The outcome of the last data fetch: null on success, else the failure's state name. */
    public void setError(Kind kind, long id, String error) {
        jdbc.sql("UPDATE " + kind.table + " SET error = :e WHERE id = :id").param("e", error).param("id", id).update();
    }

    /** The failure of a listing, on every item of the source the institution showed last time. */
    public void setErrorOfSource(Kind kind, long sourceId, String error) {
        jdbc.sql("UPDATE " + kind.table + " SET error = :e WHERE id_source = :s AND deleted IS NULL")
                .param("e", error).param("s", sourceId).update();
    }
}
