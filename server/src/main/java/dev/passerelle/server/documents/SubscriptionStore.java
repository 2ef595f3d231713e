package dev.passerelle.server.documents;

import static dev.passerelle.server.config.DbTime.instant;

import dev.passerelle.connector.Subscription;
import dev.passerelle.server.connections.OpenSource;
import dev.passerelle.server.consent.DiscoveredRows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SQL of {@code subscription} (docs/protocol.md §7.3): reconciling what a connector lists, and the
 * reads of the subscription endpoints, always filtered on the owner.
 */
@Component
public class SubscriptionStore {

    private static final String INSERT = """
            INSERT INTO subscription (id_connection, id_user, id_source, external_id, subscription_number, label,
                subscriber, validity, renewdate, created, last_update, disabled)
            VALUES (:connection, :user, :source, :externalId, :number, :label,
                :subscriber, :validity, :renewdate, :now, :now, :now)""";

    private static final String REFRESH = """
            UPDATE subscription SET id_source = :source, subscription_number = :number, label = :label,
                subscriber = :subscriber, validity = :validity, renewdate = :renewdate, last_update = :now,
                deleted = NULL
            WHERE id = :id""";

    private static final DiscoveredRows.Writes<Subscription> WRITES =
            new DiscoveredRows.Writes<>(Subscription::externalId, SubscriptionStore::listedColumns, INSERT, REFRESH);

    private final JdbcClient jdbc;
    private final DiscoveredRows rows;

    public SubscriptionStore(JdbcClient jdbc, DiscoveredRows rows) {
        this.jdbc = jdbc;
        this.rows = rows;
    }

    /**
     * New subscriptions arrive disabled (no consent yet); known ones are refreshed; missing ones deleted.
     *
     * @return the source's subscriptions whose documents may be fetched now, in id order
     */
    @Transactional
    public List<Long> reconcile(OpenSource source, List<Subscription> listed, Instant now) {
        return rows.reconcile(DiscoveredRows.Kind.SUBSCRIPTION, source, listed, WRITES, now).fetchable();
    }

    /** The columns a listing gives, by the parameter names of {@link #INSERT} and {@link #REFRESH}. */
    private static Map<String, Object> listedColumns(Subscription subscription) {
        Map<String, Object> columns = new HashMap<>();
        columns.put("number", subscription.number());
        columns.put("label", subscription.label());
        columns.put("subscriber", subscription.subscriber());
        columns.put("validity", subscription.validity());
        columns.put("renewdate", subscription.renewDate());
        return columns;
    }

    /** One subscription, whoever owns it (background work). */
    public Optional<SubscriptionRow> byId(long id) {
        return jdbc.sql("SELECT * FROM subscription WHERE id = :id").param("id", id).query(this::row).optional();
    }

    /** The visible subscriptions, by id. */
    public List<SubscriptionRow> list(DiscoveredRows.Visible visible) {
        return jdbc.sql("SELECT * FROM subscription s" + visible.where("s") + " ORDER BY s.id").params(visible.params())
                .query(this::row).list();
    }

    /** One visible subscription. */
    public Optional<SubscriptionRow> find(DiscoveredRows.Visible visible, long id) {
        return jdbc.sql("SELECT * FROM subscription s" + visible.where("s") + " AND s.id = :id").params(visible.params())
                .param("id", id).query(this::row).optional();
    }

    private SubscriptionRow row(ResultSet rs, int n) throws SQLException {
        return new SubscriptionRow(
                rs.getLong("id"),
                rs.getLong("id_connection"),
                rs.getLong("id_user"),
                rs.getObject("id_source", Long.class),
                rs.getString("external_id"),
                rs.getString("subscription_number"),
                rs.getString("label"),
                rs.getString("subscriber"),
                rs.getObject("validity", LocalDate.class),
                rs.getObject("renewdate", LocalDate.class),
                rs.getString("error"),
                instant(rs, "created"),
                instant(rs, "last_update"),
                instant(rs, "deleted"),
                instant(rs, "disabled"));
    }
}
