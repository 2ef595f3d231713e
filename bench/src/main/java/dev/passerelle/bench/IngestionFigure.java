package dev.passerelle.bench;

import dev.passerelle.server.transactions.TransactionUpserts;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * P1: how fast Passerelle stores a first sync's transactions (its upsert path, {@link
 * TransactionUpserts}), against the raw {@code COPY bank_transaction FROM STDIN} of the same rows
 * measured in the same run, each account's rows in their own transaction as a sync stores them, on
 * PostgreSQL, in the schema {@code passerelle_bench} migrated by the server's own Flyway migrations.
 * The re-upserts (all unchanged, 10% changed) are measured too and printed for information. One
 * untimed warm-up run, then the median of the timed runs.
 */
final class IngestionFigure {

    private static final Instant NOW = Instant.parse("2025-06-30T12:00:00Z");

    private final Setup setup;

    IngestionFigure(Setup setup) {
        this.setup = setup;
    }

    Figure p1() {
        int accounts = setup.quick() ? 20 : 100;
        int perAccount = setup.quick() ? 1_000 : 2_000;
        int runs = setup.quick() ? 1 : 3;
        try (BenchDatabase db = BenchDatabase.postgres(setup.dbUrl(), setup.dbUser(), setup.dbPassword())) {
            List<BenchData> first = BenchData.generate(db.newAccounts(accounts, NOW), perAccount, LocalDate.of(2025, 6, 30), 42);
            List<BenchData> changed = first.stream().map(fetch -> fetch.changedEvery(10)).toList();
            RawBaselines raw = new RawBaselines(db);
            TransactionUpserts upserts = TransactionUpserts.on(db.dataSource);
            Consumer<BenchData> upsert = fetch -> upserts.upsert(fetch.accountId(), fetch.since(), fetch.transactions(), NOW);
            List<Phase> phases = List.of(
                    new Phase("raw COPY, one per account (baseline)", true, first, fetch -> raw.copy(List.of(fetch), utc())),
                    new Phase("Passerelle upsert, first time (all new)", true, first, upsert),
                    new Phase("Passerelle re-upsert, all unchanged", false, first, upsert),
                    new Phase("Passerelle re-upsert, 10% changed", false, changed, upsert));
            List<List<Double>> times = phases.stream().map(p -> (List<Double>) new ArrayList<Double>()).toList();
            for (int run = 0; run <= runs; run++) {
                for (int i = 0; i < phases.size(); i++) {
                    double seconds = phases.get(i).run(db).toNanos() / 1e9;
                    if (run > 0) {
                        times.get(i).add(seconds);
                    }
                }
            }
            int rows = accounts * perAccount;
            double baseline = Machine.median(times.get(0));
            for (int i = 0; i < phases.size(); i++) {
                double seconds = Machine.median(times.get(i));
                System.out.printf("# P1 %-40s %9.0f rows/s %8.3f s %6.2fx the baseline's time%n", phases.get(i).name(),
                        rows / seconds, seconds, seconds / baseline);
            }
            double ratio = baseline / Machine.median(times.get(1));
            return new Figure("P1", "first-ingestion-vs-copy", ratio, ">=0.9", ratio >= 0.9,
                    String.format("%,d rows over %d accounts, one transaction each: raw COPY %.0f rows/s, Passerelle's "
                                    + "first upsert %.0f rows/s; re-upsert unchanged %.2fx, 10%% changed %.2fx the COPY's "
                                    + "time; median of %d runs; %s; load %s",
                            rows, accounts, rows / baseline, rows / Machine.median(times.get(1)),
                            Machine.median(times.get(2)) / baseline, Machine.median(times.get(3)) / baseline, runs,
                            db.product(), Machine.load()));
        }
    }

    private static OffsetDateTime utc() {
        return NOW.atOffset(ZoneOffset.UTC);
    }

    /**
     * One timed phase: each fetch stored in its own transaction, as a sync stores each account's
     * operations; {@code fresh} empties the table first, otherwise its statistics are refreshed,
     * untimed, so that the stored rows are planned for as in a running system.
     */
    private record Phase(String name, boolean fresh, List<BenchData> fetches, Consumer<BenchData> store) {

        Duration run(BenchDatabase db) {
            if (fresh) {
                db.truncateTransactions();
            } else {
                db.analyzeTransactions();
            }
            long start = System.nanoTime();
            fetches.forEach(fetch -> db.inTransaction(() -> {
                store.accept(fetch);
                return null;
            }));
            return Duration.ofNanos(System.nanoTime() - start);
        }
    }
}
