package dev.passerelle.server.connectors;

import dev.passerelle.connector.AccountUsage;
import dev.passerelle.connector.AuthMechanism;
import dev.passerelle.connector.ConnectionContext;
import dev.passerelle.connector.Resume;
import dev.passerelle.connector.SourceDescriptor;
import dev.passerelle.connector.StepResult;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hand-written connector whose calls the test holds and releases, so that tests can prove what
 * the connector's concurrency limits let through, and what readers see, while calls are running. The
 * login picks the behaviour: {@code hold} waits at the gate until the test opens it, {@code decoupled}
 * asks for a decoupled validation that the test approves, in the words the test gives it, anything
 * else succeeds at once. The {@value #REDIRECT} source is added by web authentication: its first step
 * waits at the gate, then sends the user to {@link #AUTHORIZE}.
 */
public final class GatedBank extends HandWrittenBank {

    public static final int ID = 990_003;
    public static final UUID UUID_ = UUID.fromString("00000000-0000-4000-8000-000000990003");
    public static final String REDIRECT = "redirect";
    public static final URI AUTHORIZE = URI.create("https://gated-bank.example/authorize");
    private static final int REDIRECT_SOURCE_ID = 990_103;

    private final CallGate gate = new CallGate();
    private final Map<Long, AtomicInteger> polls = new ConcurrentHashMap<>();
    private volatile boolean approved;
    private volatile String words = "Validate in your bank's app";

    public GatedBank() {
        super(ID, UUID_, "Gated bank", SourceDescriptor.builder(REDIRECT_SOURCE_ID, REDIRECT).priority(1)
                .authMechanism(AuthMechanism.WEBAUTH).accountUsages(AccountUsage.PRIVATE).build());
    }

    /** From now on, {@code hold} calls wait until {@link #openGate()}. */
    public void closeGate() {
        gate.close();
    }

    public void openGate() {
        gate.open();
    }

    /** Whether {@code calls} calls are waiting at the gate (within ten seconds). */
    public boolean holds(int calls) throws InterruptedException {
        return gate.holds(calls);
    }

    /** Whether decoupled validations are given from now on. */
    public void approve(boolean given) {
        approved = given;
    }

    /** The words the decoupled validations give the user from now on ({@code null}: none). */
    public void say(String message) {
        words = message;
    }

    /** How many times the validation of the connection was polled. */
    public int polls(long connectionId) {
        return polls.getOrDefault(connectionId, new AtomicInteger()).get();
    }

    @Override
    public StepResult start(ConnectionContext ctx) {
        if (REDIRECT.equals(ctx.source())) {
            gate.pass();
            return new StepResult.Redirect(AUTHORIZE);
        }
        return switch (ctx.credential("login").orElse("")) {
            case "hold" -> {
                gate.pass();
                yield StepResult.Success.of();
            }
            case "decoupled" -> validation();
            default -> StepResult.Success.of();
        };
    }

    @Override
    public StepResult resume(ConnectionContext ctx, Resume input) {
        polls.computeIfAbsent(ctx.connectionId(), id -> new AtomicInteger()).incrementAndGet();
        return approved ? StepResult.Success.of() : validation();
    }

    @Override
    public StepResult sync(ConnectionContext ctx) {
        return StepResult.Success.of();
    }

    private StepResult validation() {
        return new StepResult.Decoupled(words, Duration.ofMillis(20), null);
    }
}
