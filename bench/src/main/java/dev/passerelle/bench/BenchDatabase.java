package dev.passerelle.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.transaction.support.TransactionTemplate;

/** A database with the server's schema (its own Flyway migrations) and accounts to ingest into. */
final class BenchDatabase implements AutoCloseable {

    /** Its own schema: cleaning it at each run leaves the rest of the database alone. */
    private static final String SCHEMA = "passerelle_bench";

    final HikariDataSource dataSource;
    final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final String product;

    private BenchDatabase(HikariDataSource dataSource, Flyway flyway) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        if (flyway != null) {
            flyway.clean();
            flyway.migrate();
        }
        this.product = productOf(dataSource);
    }

    /** The PostgreSQL at {@code url}, in {@code schema} as a running server left it: nothing is migrated or emptied. */
    static BenchDatabase existing(String url, String user, String password, String schema) {
        return new BenchDatabase(pool(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, user, password),
                null);
    }

    /** The PostgreSQL at {@code url}, in the schema {@value #SCHEMA}, emptied and migrated first. */
    static BenchDatabase postgres(String url, String user, String password) {
        HikariDataSource dataSource = pool(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA, user, password);
        return new BenchDatabase(dataSource, flyway(dataSource).schemas(SCHEMA).defaultSchema(SCHEMA).load());
    }

    private static HikariDataSource pool(String url, String user, String password) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url);
        dataSource.setUsername(user);
        dataSource.setPassword(password);
        dataSource.setMaximumPoolSize(2);
        return dataSource;
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(HikariDataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").cleanDisabled(false);
    }

    private static String productOf(HikariDataSource dataSource) {
        try {
            return JdbcUtils.extractDatabaseMetaData(dataSource,
                    meta -> meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion());
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    String product() {
        return product;
    }

    /** {@code count} new accounts of one user's connection. */
    List<Long> newAccounts(int count, Instant now) {
        long user = insert("INSERT INTO app_user (signin) VALUES (:now)", now);
        long connection = insert("INSERT INTO connection (id_user, id_connector, connector_uuid, created)"
                + " VALUES (" + user + ", 1, '" + UUID.randomUUID() + "', :now)", now);
        return IntStream.range(0, count).mapToObj(i -> insert("""
                INSERT INTO bank_account (id_connection, id_user, external_id, original_name, name, account_type,
                    balance, currency, created)
                VALUES (%d, %d, 'A%d', 'Checking', 'Checking', 'checking', 0, 'EUR', :now)""".formatted(connection, user, i),
                now)).toList();
    }

    void truncateTransactions() {
        jdbc.sql("TRUNCATE TABLE bank_transaction").update();
    }

    /**
     * Brings the table's planner statistics up to date, as autovacuum does in a running system:
     * right after a bulk load the planner still sees an empty table and picks sequential scans.
     */
    void analyzeTransactions() {
        jdbc.sql("ANALYZE bank_transaction").update();
    }

    <T> T inTransaction(Supplier<T> work) {
        return transactions.execute(status -> work.get());
    }

    private long insert(String sql, Instant now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql(sql).param("now", now.atOffset(ZoneOffset.UTC)).update(key, "id");
        return key.getKeyAs(Long.class);
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
