package dev.passerelle.server.connectors;

import dev.passerelle.connector.Account;
import dev.passerelle.connector.AccountType;
import dev.passerelle.connector.ConnectionContext;
import dev.passerelle.connector.Consent;
import dev.passerelle.connector.Resume;
import dev.passerelle.connector.StepResult;
import dev.passerelle.connector.Transaction;
import dev.passerelle.connector.TransactionType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A hand-written connector that records whether two of its calls about one connection ever ran at
 * once, as an institution whose session cannot be shared would suffer; its syncs wait at a gate the
 * test holds. Two accounts, {@code A} and {@code B}, with one transaction each. The login {@code scoped}
 * is granted a consent on account {@code A} only.
 */
public final class OverlapBank extends HandWrittenBank {

    public static final int ID = 990_004;
    public static final UUID UUID_ = UUID.fromString("00000000-0000-4000-8000-000000990004");

    private final CallGate syncs = new CallGate();
    private final Map<Long, AtomicInteger> running = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> transactionCalls = new ConcurrentHashMap<>();
    private final AtomicBoolean overlapped = new AtomicBoolean();

    public OverlapBank() {
        super(ID, UUID_, "Overlap bank");
    }

    /** From now on, syncs wait until {@link #openSyncs()}. */
    public void holdSyncs() {
        syncs.close();
    }

    public void openSyncs() {
        syncs.open();
    }

    /** Whether a sync is waiting at the gate (within ten seconds). */
    public boolean holdsASync() throws InterruptedException {
        return syncs.holds(1);
    }

    /** Whether two calls about one connection ever ran at once. */
    public boolean overlapped() {
        return overlapped.get();
    }

    /** How many times the transactions of the account of that external id were asked on that connection. */
    public int transactionCalls(long connectionId, String externalId) {
        return transactionCalls.getOrDefault(connectionId + "/" + externalId, new AtomicInteger()).get();
    }

    @Override
    public StepResult start(ConnectionContext ctx) {
        return recorded(ctx, () -> ctx.credential("login").filter("scoped"::equals).isPresent()
                ? StepResult.Success.granting(new Consent(null, null, Set.of("A")))
                : StepResult.Success.of());
    }

    @Override
    public StepResult resume(ConnectionContext ctx, Resume input) {
        return recorded(ctx, StepResult.Success::of);
    }

    @Override
    public StepResult sync(ConnectionContext ctx) {
        return recorded(ctx, () -> {
            syncs.pass();
            return StepResult.Success.of();
        });
    }

    @Override
    public List<Account> accounts(ConnectionContext ctx) {
        return recorded(ctx, () -> List.of(account("A"), account("B")));
    }

    @Override
    public List<Transaction> transactions(ConnectionContext ctx, Account account, LocalDate since) {
        return recorded(ctx, () -> {
            transactionCalls.computeIfAbsent(ctx.connectionId() + "/" + account.externalId(), id -> new AtomicInteger())
                    .incrementAndGet();
            return List.of(Transaction.builder().externalId(account.externalId() + "-1").date(LocalDate.now(ctx.clock()))
                    .value(BigDecimal.TEN).type(TransactionType.TRANSFER).originalWording("Transfer")
                    .build());
        });
    }

    private <T> T recorded(ConnectionContext ctx, Supplier<T> call) {
        AtomicInteger calls = running.computeIfAbsent(ctx.connectionId(), id -> new AtomicInteger());
        if (calls.incrementAndGet() > 1) {
            overlapped.set(true);
        }
        try {
            return call.get();
        } finally {
            calls.decrementAndGet();
        }
    }

    private static Account account(String externalId) {
        return Account.builder().externalId(externalId).name("Account " + externalId).type(AccountType.CHECKING)
                .balance(BigDecimal.ONE).currency("EUR").build();
    }
}
