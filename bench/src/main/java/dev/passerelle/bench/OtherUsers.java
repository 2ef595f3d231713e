package dev.passerelle.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;

/**
 * The other users of a busy database (P6): users with one connection and two accounts each, and
 * {@value #PER_ACCOUNT} transactions per account, written straight into a running server's schema
 * with {@code COPY} (not through the API: ten million rows would take hours that way), then
 * analysed as autovacuum would.
 */
final class OtherUsers {

    static final int PER_ACCOUNT = 500;
    private static final int ACCOUNTS_PER_USER = 2;
    private static final Instant NOW = Instant.parse("2025-06-30T12:00:00Z");

    private final Setup setup;

    OtherUsers(Setup setup) {
        this.setup = setup;
    }

    long users(long rows) {
        return rows / PER_ACCOUNT / ACCOUNTS_PER_USER;
    }

    /** Removes what an earlier run left: the server migrates the schema anew. */
    void dropSchema(String schema) {
        try (BenchDatabase db = BenchDatabase.existing(setup.dbUrl(), setup.dbUser(), setup.dbPassword(), "public")) {
            db.jdbc.sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE").update();
        }
    }

    /** Copies {@code rows} transactions of new users into {@code schema}; the seconds it took. */
    long copy(String schema, long rows) {
        long began = System.nanoTime();
        try (BenchDatabase db = BenchDatabase.existing(setup.dbUrl(), setup.dbUser(), setup.dbPassword(), schema)) {
            long users = users(rows);
            long firstUser = db.jdbc.sql("SELECT COALESCE(MAX(id), 0) + 1 FROM app_user").query(Long.class).single();
            db.jdbc.sql("INSERT INTO app_user (signin) SELECT now() FROM generate_series(1, :n)").param("n", users).update();
            db.jdbc.sql("""
                    INSERT INTO connection (id_user, id_connector, connector_uuid, created)
                    SELECT id, 40, :uuid, now() FROM app_user WHERE id >= :first""")
                    .param("uuid", Api.TEST_CONNECTOR).param("first", firstUser).update();
            db.jdbc.sql("""
                    INSERT INTO bank_account (id_connection, id_user, external_id, original_name, name, account_type,
                        balance, currency, created)
                    SELECT c.id, c.id_user, 'A' || n, 'Checking', 'Checking', 'checking', 0, 'EUR', now()
                    FROM connection c CROSS JOIN generate_series(1, :perUser) n WHERE c.id_user >= :first""")
                    .param("perUser", ACCOUNTS_PER_USER).param("first", firstUser).update();
            List<Long> accounts = db.jdbc.sql("SELECT id FROM bank_account WHERE id_user >= :first ORDER BY id")
                    .param("first", firstUser).query(Long.class).list();
            Random random = new Random(42);
            LocalDate today = LocalDate.of(2025, 6, 30);
            RawBaselines raw = new RawBaselines(db);
            db.inTransaction(() -> {
                raw.copy(accounts.stream().map(account -> BenchData.of(account, PER_ACCOUNT, today, random)),
                        NOW.atOffset(ZoneOffset.UTC));
                return null;
            });
            db.jdbc.sql("ANALYZE").update();
        }
        return (System.nanoTime() - began) / 1_000_000_000;
    }
}
