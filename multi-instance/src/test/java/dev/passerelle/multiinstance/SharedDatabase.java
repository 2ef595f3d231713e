package dev.passerelle.multiinstance;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one PostgreSQL database every instance of a test runs on, read (and, to set a test up,
 * written) directly: {@code PASSERELLE_MULTI_DB_URL} (default {@code passerelle_multi} on
 * localhost), user and password from {@code PASSERELLE_TEST_DB_USER}/{@code _PASSWORD} (default
 * {@code passerelle}).
 */
final class SharedDatabase implements AutoCloseable {

    static final String URL = env("PASSERELLE_MULTI_DB_URL", "jdbc:postgresql://localhost:5432/passerelle_multi");
    static final String USER = env("PASSERELLE_TEST_DB_USER", "passerelle");
    static final String PASSWORD = env("PASSERELLE_TEST_DB_PASSWORD", "passerelle");

    private final Connection connection;

    SharedDatabase() throws SQLException {
        connection = DriverManager.getConnection(URL, USER, PASSWORD);
    }

    /** Drops everything the previous test left: the instances then migrate an empty database. */
    void reset() throws SQLException {
        update("DROP SCHEMA public CASCADE");
        update("CREATE SCHEMA public");
    }

    int update(String sql, Object... args) throws SQLException {
        try (PreparedStatement statement = prepared(sql, args)) {
            return statement.executeUpdate();
        }
    }

    long count(String sql, Object... args) throws SQLException {
        return longs(sql, args).getFirst();
    }

    List<Long> longs(String sql, Object... args) throws SQLException {
        return rows(sql, args).stream().map(row -> ((Number) row.getFirst()).longValue()).toList();
    }

    /** Two-column results as a map from the first column to the second (a count per id). */
    Map<Long, Long> countsBy(String sql, Object... args) throws SQLException {
        Map<Long, Long> counts = new HashMap<>();
        for (List<Object> row : rows(sql, args)) {
            counts.put(((Number) row.get(0)).longValue(), ((Number) row.get(1)).longValue());
        }
        return counts;
    }

    Optional<String> string(String sql, Object... args) throws SQLException {
        return rows(sql, args).stream().map(row -> (String) row.getFirst()).findFirst();
    }

    List<List<Object>> rows(String sql, Object... args) throws SQLException {
        try (PreparedStatement statement = prepared(sql, args); ResultSet rs = statement.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            List<List<Object>> rows = new ArrayList<>();
            while (rs.next()) {
                List<Object> row = new ArrayList<>(columns);
                for (int i = 1; i <= columns; i++) {
                    row.add(rs.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    private PreparedStatement prepared(String sql, Object... args) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            statement.setObject(i + 1, args[i]);
        }
        return statement;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
