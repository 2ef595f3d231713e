package dev.passerelle.server.consent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.support.IntegrationTest;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A data fetch reads a source's accounts and subscriptions by {@code id_source} (the fetchable ones,
 * a listing's error): each table has an index that starts with that column, on the database of the
 * run, so those statements never scan every user's items (docs/performance.md, P3).
 */
@IntegrationTest
class DiscoveredItemsIndexesTest {

    @Autowired
    DataSource dataSource;

    @ParameterizedTest
    @ValueSource(strings = {"bank_account", "subscription"}) // DiscoveredRows.Kind's tables
    void the_items_of_a_source_are_found_through_an_index(String table) throws SQLException {
        assertThat(leadingIndexColumns(table)).contains("id_source");
    }

    /** The first column of every index of {@code table}. */
    private Set<String> leadingIndexColumns(String table) throws SQLException {
        Set<String> leading = new HashSet<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            for (String name : Set.of(table, table.toUpperCase(Locale.ROOT))) {
                try (ResultSet indexes = meta.getIndexInfo(null, connection.getSchema(), name, false, false)) {
                    while (indexes.next()) {
                        if (indexes.getShort("ORDINAL_POSITION") == 1) {
                            leading.add(indexes.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                        }
                    }
                }
            }
        }
        return leading;
    }
}
