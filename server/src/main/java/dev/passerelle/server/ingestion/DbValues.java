package dev.passerelle.server.ingestion;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * How the data features move times and nullable numbers across JDBC so that the same code runs on
 * H2 (PostgreSQL mode) and PostgreSQL: instants are bound as UTC {@link OffsetDateTime}s and read
 * back the same way (PROTOCOL-NOTES §11.4: stored in UTC, rendered in the wire zone).
 */
public final class DbValues {

    private DbValues() {
    }

    /** The value to bind for an instant column. */
    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** A {@code TIMESTAMP WITH TIME ZONE} column, or null. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** A nullable {@code BIGINT} column. */
    public static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
