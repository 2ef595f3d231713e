package dev.passerelle.server.consent;

import static dev.passerelle.server.config.DbTime.utc;

import dev.passerelle.server.connections.OpenSource;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
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

    public DiscoveredRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What a reconciliation left: the row id of every listed item, by external id, and the ids of the
     * source's items that are now {@linkplain #fetchableOfSource fetchable}, in id order: the listed
     * ones the user had consented to (a new item starts disabled; an item no longer listed is deleted).
     */
    public record Reconciled(Map<String, Long> ids, List<Long> fetchable) {
    }

    /**
     * Inserts the listed items the connection does not know yet, refreshes the known ones and marks
     * deleted the source's items no longer listed.
     */
    public <T> Reconciled reconcile(Kind kind, OpenSource source, List<T> listed, Function<T, String> externalId,
                                    Function<T, Long> insert, BiConsumer<Long, T> refresh, Instant now) {
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
        for (T item : listed) {
            Long id = ids.get(externalId.apply(item));
            if (id == null) {
                ids.put(externalId.apply(item), insert.apply(item));
            } else {
                refresh.accept(id, item);
            }
        }
        List<Long> present = listed.stream().map(i -> ids.get(externalId.apply(i))).toList();
        markMissingDeleted(kind, source, present, now);
        return new Reconciled(ids, present.stream().filter(consented::contains).distinct().sorted().toList());
    }

    /**
     * Runs the {@code INSERT} of a newly discovered item, binding what every such insert shares
     * ({@code :connection}, {@code :user}, {@code :source}, {@code :externalId}, {@code :now}).
     *
     * @return the new row's id
     */
    public long insert(JdbcClient.StatementSpec insert, OpenSource source, String externalId, Instant now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        insert.param("connection", source.connectionId())
                .param("user", source.userId())
                .param("source", source.sourceId())
                .param("externalId", externalId)
                .param("now", utc(now))
                .update(key, "id");
        return key.getKeyAs(Long.class);
    }

    /** Runs the {@code UPDATE} of a known item, binding {@code :source}, {@code :now} and {@code :id}. */
    public void refresh(JdbcClient.StatementSpec update, OpenSource source, long id, Instant now) {
        update.param("source", source.sourceId()).param("now", utc(now)).param("id", id).update();
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
