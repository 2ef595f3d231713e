package dev.passerelle.server.audit;

import static dev.passerelle.server.config.DbTime.utc;

import dev.passerelle.server.config.DbTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the audit log of configuration changes, newest first. */
@Component
public class ConfigLog {

    private final JdbcClient jdbc;

    public ConfigLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One change of one key ({@code ConfigLog}), with who made it. */
    public record Entry(long id, String key, String previousValue, String newValue, String type, Instant timestamp,
                        String actor) {
    }

    /**
     * What to list: every filter may be null.
     *
     * @param search part of the key, any case
     * @param from   first instant included
     * @param until  first instant excluded
     */
    public record Filter(String search, ChangeType type, Instant from, Instant until) {
    }

    public record Page(List<Entry> entries, long total) {
    }

    public Page list(Filter filter, int limit, long offset) {
        String where = " WHERE (CAST(:search AS VARCHAR) IS NULL OR LOWER(config_key) LIKE :search ESCAPE '\\')"
                + " AND (CAST(:type AS VARCHAR) IS NULL OR change_type = :type)"
                + " AND (CAST(:from AS TIMESTAMP WITH TIME ZONE) IS NULL OR occurred >= :from)"
                + " AND (CAST(:until AS TIMESTAMP WITH TIME ZONE) IS NULL OR occurred < :until)";
        String search = filter.search() == null || filter.search().isBlank() ? null
                : "%" + escapeLike(filter.search().strip().toLowerCase(Locale.ROOT)) + "%";
        String type = filter.type() == null ? null : filter.type().wire();
        long total = jdbc.sql("SELECT COUNT(*) FROM config_log " + where)
                .param("search", search).param("type", type)
                .param("from", utc(filter.from())).param("until", utc(filter.until()))
                .query(Long.class).single();
        List<Entry> entries = jdbc.sql("""
                        SELECT id, config_key, previous_value, new_value, change_type, occurred, actor
                        FROM config_log""" + where + " ORDER BY occurred DESC, id DESC LIMIT :limit OFFSET :offset")
                .param("search", search).param("type", type)
                .param("from", utc(filter.from())).param("until", utc(filter.until()))
                .param("limit", limit).param("offset", offset)
                .query(ConfigLog::entry).list();
        return new Page(entries, total);
    }

    private static Entry entry(ResultSet rs, int row) throws SQLException {
        return new Entry(rs.getLong("id"), rs.getString("config_key"), rs.getString("previous_value"),
                rs.getString("new_value"), rs.getString("change_type"), DbTime.instant(rs, "occurred"),
                rs.getString("actor"));
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
