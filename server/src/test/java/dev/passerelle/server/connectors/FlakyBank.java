package dev.passerelle.server.connectors;

import dev.passerelle.connector.ConnectionContext;
import dev.passerelle.connector.FailureReason;
import dev.passerelle.connector.StepResult;
import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hand-written connector whose steps fail as each test scripts, per connection, and which counts
 * the syncs it served, so that tests can prove what the scheduler did (not) ask the institution.
 * A step nothing was scripted for succeeds.
 */
public final class FlakyBank extends HandWrittenBank {

    public static final int ID = 990_002;
    public static final UUID UUID_ = UUID.fromString("00000000-0000-4000-8000-000000990002");

    private final Map<Long, Queue<StepResult>> scripted = new ConcurrentHashMap<>();
    private final Map<Long, AtomicInteger> syncs = new ConcurrentHashMap<>();

    public FlakyBank() {
        super(ID, UUID_, "Flaky bank");
    }

    /** The next {@code times} steps of the connection fail with {@code reason}, asking to wait {@code retryAfter} (or null). */
    public void failNextSteps(long connectionId, int times, FailureReason reason, Duration retryAfter) {
        Queue<StepResult> queue = scripted.computeIfAbsent(connectionId, id -> new ConcurrentLinkedQueue<>());
        for (int i = 0; i < times; i++) {
            queue.add(new StepResult.Failure(reason, "The bank says no", retryAfter, null));
        }
    }

    /** How many syncs of the connection reached this bank. */
    public int syncs(long connectionId) {
        return syncs.getOrDefault(connectionId, new AtomicInteger()).get();
    }

    @Override
    public StepResult start(ConnectionContext ctx) {
        return scriptedOrSuccess(ctx);
    }

    @Override
    public StepResult resume(ConnectionContext ctx, Map<String, String> input) {
        return scriptedOrSuccess(ctx);
    }

    @Override
    public StepResult sync(ConnectionContext ctx) {
        syncs.computeIfAbsent(ctx.connectionId(), id -> new AtomicInteger()).incrementAndGet();
        return scriptedOrSuccess(ctx);
    }

    private StepResult scriptedOrSuccess(ConnectionContext ctx) {
        StepResult next = scripted.getOrDefault(ctx.connectionId(), new ConcurrentLinkedQueue<>()).poll();
        return next != null ? next : new StepResult.Success(null);
    }
}
