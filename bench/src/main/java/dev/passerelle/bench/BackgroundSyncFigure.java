package dev.passerelle.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * P5: the background sync of many due connections on one instance, the institution taking
 * {@value #LATENCY_MILLIS} ms a call ({@value #QUICK_LATENCY_MILLIS} ms at the quick size, which only
 * keeps the bench from rotting). A few connections are added through the API (every account
 * activated) and one of them is synced alone, timed: the baseline. With the server stopped, they are
 * cloned in its H2 database until {@code due} connections exist, all due; the server is started again
 * and the rate of background syncs measured over a window, against what its configured concurrency
 * allows ({@code threads} syncs at once, each as long as the one alone); and the heap, after a
 * collection, before and after the window. "Before" is taken after the warm-up, with the scheduler
 * busy, the server's steady state rather than its start; the heap right after the start is printed
 * too (docs/performance.md, P5).
 */
final class BackgroundSyncFigure {

    static final long LATENCY_MILLIS = 1_000;
    static final long QUICK_LATENCY_MILLIS = 250;
    private static final int TEMPLATES = 10;
    private static final int THREADS = 10;
    /**
     * How often the scheduler looks for due connections (a minute by default): often enough that the
     * measure starts seconds after the restart, not up to a minute. The rate it measures is bound by
     * the {@value #THREADS} threads, not by the poll, which queues up to 100 connections each time.
     */
    private static final String POLL_INTERVAL = "5s";

    private final Setup setup;

    BackgroundSyncFigure(Setup setup) {
        this.setup = setup;
    }

    Figure p5() {
        int due = setup.quick() ? 2_000 : 20_000;
        Duration warmUp = setup.quick() ? Duration.ofSeconds(3) : Duration.ofSeconds(20);
        Duration window = setup.quick() ? Duration.ofSeconds(10) : Duration.ofSeconds(60);
        long latency = setup.quick() ? QUICK_LATENCY_MILLIS : LATENCY_MILLIS;
        Path data = setup.freshDataDir("p5");
        Map<String, String> properties = Map.of(
                "passerelle.connectors.settings." + Api.TEST_CONNECTOR + ".latency-millis", String.valueOf(latency),
                "db-scheduler.threads", String.valueOf(THREADS),
                "passerelle.sync.poll-interval", POLL_INTERVAL);
        double lone;
        try (ServerProcess server = ServerProcess.start(setup.server(), properties, data, Duration.ofMinutes(3))) {
            lone = templates(server);
        }
        long cloning = System.nanoTime();
        long cloned = clone(data, due);
        System.out.printf("# P5 one sync alone: %.2f s; %d connections due (cloned in %.0f s)%n", lone, cloned,
                (System.nanoTime() - cloning) / 1e9);
        try (ServerProcess server = ServerProcess.start(setup.server(), properties, data, Duration.ofMinutes(3))) {
            double heapStarted = server.heapAfterGcMegabytes();
            awaitFirstSync(server);
            sleep(warmUp);
            double heapBefore = server.heapAfterGcMegabytes();
            double stepsBefore = schedulerSteps(server);
            long began = System.nanoTime();
            sleep(window);
            double synced = schedulerSteps(server) - stepsBefore;
            double minutes = (System.nanoTime() - began) / 60e9;
            double heapAfter = server.heapAfterGcMegabytes();
            double perMinute = synced / minutes;
            double allowed = THREADS * 60 / lone;
            double ratio = perMinute / allowed;
            double heap = heapAfter / heapBefore;
            return new Figure("P5", "background-sync-rate", ratio, ">=0.8,heap<=1.2", ratio >= 0.8 && heap <= 1.2,
                    String.format("%d connections due, the bank taking %d ms a call: %.0f synced a minute over %d s, where "
                                    + "%d scheduler threads and one sync alone in %.2f s allow %.0f; heap after a GC %.0f MB "
                                    + "before the window (after %d s of warm-up), %.0f MB after (%.2fx), %.0f MB just after "
                                    + "the start; H2; load %s",
                            cloned, latency, perMinute, window.toSeconds(), THREADS, lone, allowed, heapBefore,
                            warmUp.toSeconds(), heapAfter, heap, heapStarted, Machine.load()));
        }
    }

    /** Adds the template connections at once (the bank is slow), then times one sync of one of them alone. */
    private static double templates(ServerProcess server) {
        Api api = new Api(server.port());
        String configToken = server.readFile("config-token");
        try (ExecutorService users = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<String[]>> added = new ArrayList<>();
            for (int i = 0; i < TEMPLATES; i++) {
                int n = i;
                added.add(users.submit(() -> {
                    String token = api.newUser(configToken);
                    Api.Answer answer = api.addConnection(token, "sync" + n, "par");
                    if (answer.status() != 200) {
                        throw new IllegalStateException("adding a template connection answered " + answer.status());
                    }
                    api.activateAll(token, answer.id());
                    return new String[]{token, String.valueOf(answer.id())};
                }));
            }
            String[] first = added.getFirst().get();
            for (Future<String[]> f : added) {
                f.get();
            }
            long start = System.nanoTime();
            Api.Answer synced = api.call("PUT", "/users/me/connections/" + first[1] + "?psu_requested=false", first[0], null);
            if (synced.status() != 200) {
                throw new IllegalStateException("the timed sync answered " + synced.status() + ": " + synced.body());
            }
            return (System.nanoTime() - start) / 1e9;
        } catch (Exception e) {
            throw new IllegalStateException("P5's set-up failed", e);
        }
    }

    /**
     * Copies the template connections (user, connection, source with its sealed credentials and
     * session, accounts with their consent) until {@code due} exist, and makes every one due now.
     * The sealed columns are bound to their column, not their row, so the copies open as the originals.
     */
    private static long clone(Path data, int due) {
        String url = "jdbc:h2:file:" + data.resolve("passerelle") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH";
        try (Connection db = DriverManager.getConnection(url, "sa", "")) {
            db.setAutoCommit(false);
            List<long[]> templates = new ArrayList<>();
            try (ResultSet rs = db.createStatement().executeQuery(
                    "SELECT c.id, s.id FROM connection c JOIN connection_source s ON s.id_connection = c.id ORDER BY c.id")) {
                while (rs.next()) {
                    templates.add(new long[]{rs.getLong(1), rs.getLong(2)});
                }
            }
            String connectionColumns = columns(db, "connection");
            String sourceColumns = columns(db, "connection_source");
            String accountColumns = columns(db, "bank_account");
            try (PreparedStatement user = db.prepareStatement("INSERT INTO app_user (signin) VALUES (CURRENT_TIMESTAMP)",
                    new String[]{"id"});
                 PreparedStatement connection = db.prepareStatement("INSERT INTO connection (" + connectionColumns
                         + ") SELECT " + connectionColumns.replace("id_user", "?") + " FROM connection WHERE id = ?",
                         new String[]{"id"});
                 PreparedStatement source = db.prepareStatement("INSERT INTO connection_source (" + sourceColumns
                         + ") SELECT " + sourceColumns.replace("id_connection", "?") + " FROM connection_source WHERE id = ?",
                         new String[]{"id"});
                 PreparedStatement accounts = db.prepareStatement("INSERT INTO bank_account (" + accountColumns
                         + ") SELECT " + accountColumns.replace("id_connection", "?").replace("id_user", "?")
                         .replace("id_source", "?") + " FROM bank_account WHERE id_connection = ?")) {
                for (int i = templates.size(); i < due; i++) {
                    long[] template = templates.get(i % templates.size());
                    long userId = inserted(user);
                    connection.setLong(1, userId);
                    connection.setLong(2, template[0]);
                    long connectionId = inserted(connection);
                    source.setLong(1, connectionId);
                    source.setLong(2, template[1]);
                    long sourceId = inserted(source);
                    accounts.setLong(1, connectionId);
                    accounts.setLong(2, userId);
                    accounts.setLong(3, sourceId);
                    accounts.setLong(4, template[0]);
                    accounts.executeUpdate();
                    if (i % 1000 == 0) {
                        db.commit();
                    }
                }
            }
            try (PreparedStatement dueNow = db.prepareStatement("UPDATE connection SET next_try = ?")) {
                dueNow.setTimestamp(1, Timestamp.from(Instant.now().minusSeconds(60)));
                dueNow.executeUpdate();
            }
            db.commit();
            try (ResultSet rs = db.createStatement().executeQuery("SELECT COUNT(*) FROM connection WHERE next_try IS NOT NULL")) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cloning the template connections failed", e);
        }
    }

    private static String columns(Connection db, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement("SELECT column_name FROM information_schema.columns"
                + " WHERE table_name = ? AND table_schema = 'public' AND column_name <> 'id' ORDER BY ordinal_position")) {
            query.setString(1, table);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
        }
        return columns.stream().collect(Collectors.joining(", "));
    }

    private static long inserted(PreparedStatement insert) throws SQLException {
        insert.executeUpdate();
        try (ResultSet key = insert.getGeneratedKeys()) {
            key.next();
            return key.getLong(1);
        }
    }

    /**
     * Waits until the scheduler has finished a first sync. It queues due connections at its poll,
     * every {@link #POLL_INTERVAL}, at a time the restarted server takes over from the cloned
     * database's schedule: the warm-up and the window start once syncs run, not before the first
     * poll (a quick run whose window began first counted none).
     */
    private static void awaitFirstSync(ServerProcess server) {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (schedulerSteps(server) == 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the scheduler synced no connection within 3 minutes");
            }
            sleep(Duration.ofSeconds(1));
        }
    }

    /** Steps the scheduler ran so far, from the server's metrics ({@code passerelle.connection.steps}). */
    private static double schedulerSteps(ServerProcess server) {
        return server.metric("passerelle_connection_steps_total", "actor=\"scheduler\"");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
