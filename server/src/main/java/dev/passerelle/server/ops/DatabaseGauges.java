package dev.passerelle.server.ops;

import static dev.passerelle.server.config.DbTime.utc;

import com.github.kagkarlsson.scheduler.task.Task;
import dev.passerelle.server.config.DbTime;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gauges read from the database, shared by every instance: how late the background sync is
 * ({@code passerelle.sync.lag}: how long the most overdue due connection has waited), the
 * scheduler's queue ({@code passerelle.scheduler.queue}: due executions not yet picked, and those
 * running, per task) and the webhook outbox ({@code passerelle.webhook.pending}, and the age of the
 * oldest pending delivery). Each query runs at most once per {@link #FRESHNESS}, however often the
 * metrics are scraped; a query that fails reports NaN instead of failing the scrape.
 */
@Component
class DatabaseGauges implements MeterBinder {

    static final Duration FRESHNESS = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(DatabaseGauges.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    /** The scheduler's tasks, so that each has its series even when its queue is empty. */
    private final List<String> tasks;
    private final Cached<Optional<Instant>> oldestDueSync = new Cached<>(this::selectOldestDueSync);
    private final Cached<Queue> queue = new Cached<>(this::selectQueue);
    private final Cached<Outbox> outbox = new Cached<>(this::selectOutbox);

    DatabaseGauges(JdbcClient jdbc, Clock clock, List<Task<?>> tasks) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.tasks = tasks.stream().map(Task::getName).sorted().toList();
    }

    /** What the queue holds per task: due and waiting for a thread, and running. */
    private record Queue(Map<String, Long> waitingByTask, Map<String, Long> runningByTask) {
        long waiting(String task) {
            return waitingByTask.getOrDefault(task, 0L);
        }

        long running(String task) {
            return runningByTask.getOrDefault(task, 0L);
        }
    }

    /** The pending webhook deliveries: how many, and since when the oldest waits (empty when none). */
    private record Outbox(long pending, Optional<Instant> oldest) {
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("passerelle.sync.lag", () -> value(oldestDueSync.get(), this::age))
                .description("How long the most overdue connection has been due for its background sync (0 when none is)")
                .baseUnit("seconds").register(registry);
        for (String task : tasks) {
            Gauge.builder("passerelle.scheduler.queue", () -> value(queue.get(), q -> q.waiting(task)))
                    .description("Scheduler executions due and waiting for a thread, or running, per task")
                    .tag("task", task).tag("state", "waiting").register(registry);
            Gauge.builder("passerelle.scheduler.queue", () -> value(queue.get(), q -> q.running(task)))
                    .description("Scheduler executions due and waiting for a thread, or running, per task")
                    .tag("task", task).tag("state", "running").register(registry);
        }
        Gauge.builder("passerelle.webhook.pending", () -> value(outbox.get(), Outbox::pending))
                .description("Webhook deliveries waiting for their next attempt").register(registry);
        Gauge.builder("passerelle.webhook.oldest.pending", () -> value(outbox.get(), o -> age(o.oldest())))
                .description("Age of the oldest webhook delivery not delivered yet (0 when none is)")
                .baseUnit("seconds").register(registry);
    }

    private Optional<Instant> selectOldestDueSync() {
        return jdbc.sql("SELECT MIN(next_try) AS oldest FROM connection WHERE active = TRUE AND next_try <= :now")
                .param("now", utc(clock.instant()))
                .query((rs, row) -> Optional.ofNullable(DbTime.instant(rs, "oldest"))).single();
    }

    private Queue selectQueue() {
        Map<String, Long> waiting = new TreeMap<>();
        Map<String, Long> running = new TreeMap<>();
        jdbc.sql("""
                        SELECT task_name, picked, COUNT(*) AS executions FROM scheduled_tasks
                        WHERE picked = TRUE OR execution_time <= :now GROUP BY task_name, picked""")
                .param("now", utc(clock.instant()))
                .query(rs -> {
                    (rs.getBoolean("picked") ? running : waiting).put(rs.getString("task_name"), rs.getLong("executions"));
                });
        return new Queue(waiting, running);
    }

    private Outbox selectOutbox() {
        return jdbc.sql("""
                        SELECT COUNT(*) AS pending, MIN(COALESCE(replayed, created)) AS oldest
                        FROM webhook_delivery WHERE next_attempt IS NOT NULL""")
                .query((rs, row) -> new Outbox(rs.getLong("pending"), Optional.ofNullable(DbTime.instant(rs, "oldest"))))
                .single();
    }

    /** Seconds since {@code since}; 0 when there is nothing waiting. */
    private double age(Optional<Instant> since) {
        return since.map(at -> Math.max(0, Duration.between(at, clock.instant()).toMillis() / 1000.0)).orElse(0.0);
    }

    /** What a gauge shows of a reading: NaN when its query failed. */
    private static <T> double value(T reading, ToDoubleFunction<T> gauge) {
        return reading == null ? Double.NaN : gauge.applyAsDouble(reading);
    }

    /** A query's last answer, asked again once older than {@link #FRESHNESS}; null while its last asking failed. */
    private final class Cached<T> {
        private final Supplier<T> query;
        private T value;
        private Instant askedAt;

        Cached(Supplier<T> query) {
            this.query = query;
        }

        synchronized T get() {
            Instant now = clock.instant();
            if (askedAt == null || !askedAt.plus(FRESHNESS).isAfter(now)) {
                askedAt = now;
                try {
                    value = query.get();
                } catch (RuntimeException e) {
                    log.warn("Cannot read a metric from the database: {}", e.toString());
                    value = null;
                }
            }
            return value;
        }
    }
}
