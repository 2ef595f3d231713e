package dev.passerelle.server.security;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Every value of every table of the application's schema, as text: what someone who copied the
 * database would read. Works the same on H2 and PostgreSQL through JDBC metadata. The sandbox
 * bank's tables are left out: they are the simulated institution's own records (it knows its
 * customers' logins), hosted here only so that the test connector has a bank to talk to.
 */
final class DatabaseDump {

    private DatabaseDump() {
    }

    /** One line per row: {@code table: v1 | v2 | …}. */
    static List<String> rows(DataSource dataSource) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            for (String table : tables(connection.getMetaData())) {
                try (Statement statement = connection.createStatement();
                     ResultSet rs = statement.executeQuery("SELECT * FROM " + table)) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder line = new StringBuilder(table).append(':');
                        for (int i = 1; i <= columns; i++) {
                            line.append(" | ").append(text(rs, i));
                        }
                        lines.add(line.toString());
                    }
                }
            }
        }
        return lines;
    }

    private static List<String> tables(DatabaseMetaData meta) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = meta.getTables(null, meta.getConnection().getSchema(), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String table = rs.getString("TABLE_NAME");
                if (!table.toLowerCase().startsWith("sandbox_bank_")) {
                    tables.add(table);
                }
            }
        }
        return tables;
    }

    private static String text(ResultSet rs, int column) throws SQLException {
        int type = rs.getMetaData().getColumnType(column);
        if (type == Types.BINARY || type == Types.VARBINARY || type == Types.LONGVARBINARY || type == Types.BLOB) {
            byte[] bytes = rs.getBytes(column);
            return bytes == null ? "null" : new String(bytes, StandardCharsets.ISO_8859_1);
        }
        return String.valueOf(rs.getString(column));
    }
}
