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
 * How fast Passerelle stores fetched transactions, against the raw insert of the same rows measured
 * in the same run (bench/README.md). Arguments: total transactions (200000), accounts (100), timed
 * runs (3); each phase reports the median of the timed runs, after one untimed warm-up run.
 */
public final class IngestionBench {

    private static final Instant NOW = Instant.parse("2025-06-30T12:00:00Z");

    private final int perAccount;
    private final int runs;

    private IngestionBench(int perAccount, int runs) {
        this.perAccount = perAccount;
        this.runs = runs;
    }

    public static void main(String[] args) {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int accounts = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        IngestionBench bench = new IngestionBench(total / accounts, runs);
        System.out.printf("Ingestion of %d transactions over %d accounts (%d each), %d cores; median of %d runs after a warm-up%n",
                total / accounts * accounts, accounts, total / accounts, Runtime.getRuntime().availableProcessors(), runs);
        try (BenchDatabase postgres = BenchDatabase.postgres(setting("bench.db.url", "BENCH_DB_URL",
                        "jdbc:postgresql://localhost:5432/passerelle"),
                setting("bench.db.user", "BENCH_DB_USER", "passerelle"),
                setting("bench.db.password", "BENCH_DB_PASSWORD", "passerelle"))) {
            bench.measure(postgres, accounts, "raw COPY, one per account (baseline)",
                    (raw, fetch) -> raw.copy(List.of(fetch), utc()));
        }
        if (!Boolean.getBoolean("bench.skip-h2")) {
            try (BenchDatabase h2 = BenchDatabase.h2()) {
                bench.measure(h2, accounts, "raw JDBC batch insert, one per account (baseline)",
                        (raw, fetch) -> raw.batchInsert(fetch, utc()));
            }
        }
    }

    private void measure(BenchDatabase db, int accounts, String baselineName, Baseline baseline) {
        List<BenchData> first = BenchData.generate(db.newAccounts(accounts, NOW), perAccount, LocalDate.of(2025, 6, 30), 42);
        List<BenchData> changed = first.stream().map(fetch -> fetch.changedEvery(10)).toList();
        RawBaselines raw = new RawBaselines(db);
        TransactionUpserts upserts = TransactionUpserts.on(db.dataSource);
        Consumer<BenchData> upsert = fetch -> upserts.upsert(fetch.accountId(), fetch.since(), fetch.transactions(), NOW);

        List<Phase> phases = List.of(
                new Phase(baselineName, true, first, fetch -> baseline.insert(raw, fetch)),
                new Phase("Passerelle upsert, first time (all new)", true, first, upsert),
                new Phase("Passerelle re-upsert, all unchanged", false, first, upsert),
                new Phase("Passerelle re-upsert, 10% changed", false, changed, upsert));
        if (db.product().startsWith("PostgreSQL")) {
            phases = new ArrayList<>(phases);
            phases.add(1, new Phase("raw COPY, all rows in one statement", true, first,
                    fetch -> raw.copy(first, utc()), true));
        }
        List<List<Duration>> times = phases.stream().map(p -> (List<Duration>) new ArrayList<Duration>()).toList();
        for (int run = 0; run <= runs; run++) {
            for (int i = 0; i < phases.size(); i++) {
                Duration time = phases.get(i).run(db);
                if (run > 0) {
                    times.get(i).add(time);
                }
            }
        }
        report(db.product(), phases, times, first.size() * perAccount);
    }

    private static void report(String product, List<Phase> phases, List<List<Duration>> times, int rows) {
        System.out.printf("%n%s%n%-48s %12s %10s %14s%n", product, "phase", "rows/s", "time", "vs baseline");
        double baseline = median(times.getFirst());
        for (int i = 0; i < phases.size(); i++) {
            double seconds = median(times.get(i));
            System.out.printf("%-48s %12.0f %9.3fs %13.2fx%n", phases.get(i).name(), rows / seconds, seconds,
                    seconds / baseline);
        }
    }

    private static double median(List<Duration> times) {
        List<Duration> sorted = times.stream().sorted().toList();
        return sorted.get(sorted.size() / 2).toNanos() / 1e9;
    }

    private static OffsetDateTime utc() {
        return NOW.atOffset(ZoneOffset.UTC);
    }

    private static String setting(String property, String env, String defaultValue) {
        String value = System.getProperty(property, System.getenv(env));
        return value == null || value.isBlank() ? defaultValue : value;
    }

    private interface Baseline {
        void insert(RawBaselines raw, BenchData fetch);
    }

    /**
     * One timed phase: each fetch stored in its own transaction, as a sync stores each account's
     * operations (or the whole input once, for {@code whole}); {@code fresh} empties the table
     * first, otherwise its statistics are refreshed, untimed, so that the stored rows are planned
     * for as in a running system.
     */
    private record Phase(String name, boolean fresh, List<BenchData> fetches, Consumer<BenchData> store, boolean whole) {

        Phase(String name, boolean fresh, List<BenchData> fetches, Consumer<BenchData> store) {
            this(name, fresh, fetches, store, false);
        }

        Duration run(BenchDatabase db) {
            if (fresh) {
                db.truncateTransactions();
            } else {
                db.analyzeTransactions();
            }
            List<BenchData> units = whole ? fetches.subList(0, 1) : fetches;
            long start = System.nanoTime();
            units.forEach(fetch -> db.inTransaction(() -> {
                store.accept(fetch);
                return null;
            }));
            return Duration.ofNanos(System.nanoTime() - start);
        }
    }
}
