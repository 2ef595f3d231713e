package dev.passerelle.bench;

import dev.passerelle.connector.Counterparty;
import dev.passerelle.runtime.WireNames;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The other users of a busy database (P6): users with one connection and two accounts each, and
 * {@value #PER_ACCOUNT} transactions per account over the year before {@link #TODAY}, shaped as
 * {@link BenchData}'s. They are written straight into a running server's schema, not through the
 * API (ten million rows would take hours that way), and made inside PostgreSQL ({@code INSERT ...
 * SELECT} over {@code generate_series}), not encoded in the client. They are loaded as
 * {@code pg_restore} loads a dump: the table's unique and foreign-key constraints and secondary
 * indexes dropped first and built again once the rows are in (the same schema, each B-tree built by
 * one sort instead of ten million insertions, the foreign key checked by one join instead of ten
 * million look-ups: the load went from 327 s to 187 s on a loaded machine), then vacuumed and analysed.
 */
final class OtherUsers {

    static final int PER_ACCOUNT = 500;
    private static final int ACCOUNTS_PER_USER = 2;
    private static final Instant NOW = Instant.parse("2025-06-30T12:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 30);

    /**
     * Each row's pseudo-random draws come from one hash of its account and rank, so that a run makes
     * the same rows; the divisions pick independent digits of it for the date, the type, the shop...
     * The series refers to its account ({@code 0 * a.id}) so that it runs once per account and an
     * account's rows are written together, as its first sync writes them: without it the planner
     * loops over the accounts inside the series, the accounts' rows interleave in the table, and at
     * the quick size PostgreSQL rightly prefers a scan of the whole table to the index for the page.
     */
    private static final String ROWS = """
            INSERT INTO bank_transaction (id_account, external_id, tx_date, application_date, rdate, vdate, amount,
                tx_type, original_wording, simplified_wording, coming, card, counterparty_label, counterparty_scheme,
                counterparty_identification, counterparty_type, wording, date_scraped, last_update)
            SELECT a.id, 'T' || a.id || '-' || n, d.day, d.day, d.day - 1, d.day, -(h.h % 100000) / 100.0,
                (CAST(:types AS text[]))[1 + CAST(h.h / 3 % :typeCount AS int)], w.wording, 'CB ' || d.shop,
                h.h / 5 % 20 = 0, CASE WHEN h.h / 7 % 2 = 0 THEN 'XXXXXXXXXXXX1234' END,
                CASE WHEN d.cp THEN d.shop END, CASE WHEN d.cp THEN :scheme END,
                CASE WHEN d.cp THEN 'FR7630006000011234567890189' END, CASE WHEN d.cp THEN :role END,
                w.wording, :now, :now
            FROM bank_account a CROSS JOIN LATERAL generate_series(0 * a.id, :perAccount - 1) n
            CROSS JOIN LATERAL (SELECT abs(CAST(hashint8(a.id * 1000003 + n) AS bigint)) AS h) h
            CROSS JOIN LATERAL (SELECT CAST(:today AS date) - CAST(h.h / 11 % 366 AS int) AS day,
                (CAST(:shops AS text[]))[1 + CAST(h.h / 13 % :shopCount AS int)] AS shop, h.h / 17 % 5 = 0 AS cp) d
            CROSS JOIN LATERAL (SELECT 'CB ' || d.shop || ' ' || d.day || ' REF' || h.h / 19 % 1000000 AS wording) w
            WHERE a.id_user >= :first""";

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

    /** Writes {@code rows} transactions of new users into {@code schema}; the seconds it took. */
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
            String[] types = Arrays.stream(BenchData.TYPES).map(WireNames::of).toArray(String[]::new);
            db.inTransaction(() -> {
                // room for the index builds' sorts in memory, for this transaction only
                db.jdbc.sql("SET LOCAL maintenance_work_mem = '256MB'").update();
                List<String> rebuild = dropSecondaryIndexes(db);
                db.jdbc.sql(ROWS).param("types", types).param("typeCount", types.length)
                        .param("shops", BenchData.SHOPS).param("shopCount", BenchData.SHOPS.length)
                        .param("scheme", WireNames.of(Counterparty.Scheme.IBAN))
                        .param("role", WireNames.of(Counterparty.Role.CREDITOR))
                        .param("now", NOW.atOffset(ZoneOffset.UTC)).param("today", TODAY)
                        .param("perAccount", PER_ACCOUNT).param("first", firstUser).update();
                rebuild.forEach(statement -> db.jdbc.sql(statement).update());
                return null;
            });
            // Vacuumed and analysed now, as a restore is finished (vacuumdb --analyze): left to autovacuum,
            // ten million new rows are vacuumed during the measure, which then reads the vacuum's load
            // (docs/performance.md, P6).
            db.jdbc.sql("VACUUM (ANALYZE)").update();
        }
        return (System.nanoTime() - began) / 1_000_000_000;
    }

    /**
     * Drops {@code bank_transaction}'s unique and foreign-key constraints (a foreign key checks every
     * row it lets in, one by one) and plain indexes, not its primary key, which other tables reference;
     * returns the statements that build them again, as the catalogue defines them.
     */
    private static List<String> dropSecondaryIndexes(BenchDatabase db) {
        List<String> rebuild = new ArrayList<>();
        List<String[]> constraints = db.jdbc.sql("""
                SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint
                WHERE conrelid = 'bank_transaction'::regclass AND contype IN ('u', 'f')""")
                .query((rs, n) -> new String[]{rs.getString(1), rs.getString(2)}).list();
        for (String[] constraint : constraints) {
            db.jdbc.sql("ALTER TABLE bank_transaction DROP CONSTRAINT " + constraint[0]).update();
            rebuild.add("ALTER TABLE bank_transaction ADD CONSTRAINT " + constraint[0] + " " + constraint[1]);
        }
        List<String[]> indexes = db.jdbc.sql("""
                SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
                WHERE x.indrelid = 'bank_transaction'::regclass AND NOT x.indisprimary
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.oid)""")
                .query((rs, n) -> new String[]{rs.getString(1), rs.getString(2)}).list();
        for (String[] index : indexes) {
            db.jdbc.sql("DROP INDEX " + index[0]).update();
            rebuild.add(index[1]);
        }
        return rebuild;
    }
}
