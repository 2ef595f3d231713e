package dev.passerelle.server.connectors;

import dev.passerelle.connector.Account;
import dev.passerelle.connector.ConnectionContext;
import dev.passerelle.connector.ConsentCapability;
import dev.passerelle.connector.StepResult;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hand-written connector whose institution keeps a consent of its own, so that tests can count how many
 * times the server withdrew it. A withdrawal takes a moment, as a call to a bank does.
 */
public final class ConsentBank extends HandWrittenBank implements ConsentCapability {

    public static final int ID = 990_005;
    public static final UUID UUID_ = UUID.fromString("00000000-0000-4000-8000-000000990005");
    private static final long REVOCATION_MILLIS = 300;

    private final Map<Long, AtomicInteger> revocations = new ConcurrentHashMap<>();

    public ConsentBank() {
        super(ID, UUID_, "Consent bank");
    }

    /** How many times the consent of the connection was withdrawn. */
    public int revocations(long connectionId) {
        return revocations.getOrDefault(connectionId, new AtomicInteger()).get();
    }

    @Override
    public StepResult accountsActivated(ConnectionContext ctx, List<Account> activated) {
        return StepResult.Success.of();
    }

    @Override
    public void revoke(ConnectionContext ctx) {
        revocations.computeIfAbsent(ctx.connectionId(), id -> new AtomicInteger()).incrementAndGet();
        try {
            Thread.sleep(REVOCATION_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
