package dev.passerelle.server.ingestion;

import dev.passerelle.connector.Account;
import dev.passerelle.connector.AuthMechanism;
import dev.passerelle.connector.ConnectionContext;
import dev.passerelle.connector.Connector;
import dev.passerelle.connector.ConnectorDescriptor;
import dev.passerelle.connector.ConnectorFailure;
import dev.passerelle.connector.Document;
import dev.passerelle.connector.FailureReason;
import dev.passerelle.connector.SourceDescriptor;
import dev.passerelle.connector.StepResult;
import dev.passerelle.connector.Subscription;
import dev.passerelle.connector.Transaction;
import dev.passerelle.server.connections.OpenSource;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A hand-written connector whose data each test scripts per connection: what it lists, what fails,
 * and a record of the transaction fetches it served, so that tests can prove what was (not) asked.
 */
public final class FakeBank implements Connector {

    public static final int ID = 990_001;
    public static final UUID UUID_ = UUID.fromString("00000000-0000-4000-8000-000000990001");
    public static final int MONTHS_TO_FETCH = 6;

    private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor(ID, UUID_, "Fake bank", null, null,
            null, false, List.of("bank", "document"), List.of("checking", "card"), List.of("PRIV"), List.of("fr"),
            MONTHS_TO_FETCH, 1, List.of(new SourceDescriptor(ID, "directaccess", 0, AuthMechanism.CREDENTIALS,
            Set.of(AuthMechanism.CREDENTIALS), List.of("bank", "document"), List.of("PRIV"))), List.of());

    private final Map<Long, Script> scripts = new ConcurrentHashMap<>();

    /** What the bank shows on one connection; tests change it between ingestions. */
    public static final class Script {
        public final List<Account> accounts = new ArrayList<>();
        public final Map<String, List<Transaction>> transactions = new HashMap<>();
        public final List<Subscription> subscriptions = new ArrayList<>();
        public final Map<String, List<Document>> documents = new HashMap<>();
        /** When set, listing accounts fails with it. */
        public FailureReason accountsFailure;
        /** Per account external id, a failure of its transaction fetch. */
        public final Map<String, FailureReason> transactionFailures = new HashMap<>();
        /** Every transaction fetch served: account external id and {@code since}. */
        public final List<Map.Entry<String, LocalDate>> transactionFetches = new ArrayList<>();
        /** Every document fetch served: subscription external id. */
        public final List<String> documentFetches = new ArrayList<>();

        /** Replaces the transactions of an account. */
        public Script transactions(String accountExternalId, List<Transaction> list) {
            transactions.put(accountExternalId, new ArrayList<>(list));
            return this;
        }
    }

    /** A source of a connection on this bank, ready for data calls. */
    public OpenSource open(long userId, long connectionId, long sourceId, Clock clock) {
        return new OpenSource(this, new ConnectionContext(connectionId, "directaccess", Map.of(), Set.of(), null,
                false, clock, Map.of(), null), userId, connectionId, sourceId);
    }

    public Script script(long connectionId) {
        return scripts.computeIfAbsent(connectionId, id -> new Script());
    }

    @Override
    public ConnectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public StepResult start(ConnectionContext ctx) {
        return new StepResult.Success(null);
    }

    @Override
    public StepResult resume(ConnectionContext ctx, Map<String, String> input) {
        return new StepResult.Success(null);
    }

    @Override
    public StepResult sync(ConnectionContext ctx) {
        return new StepResult.Success(null);
    }

    @Override
    public Stream<Account> accounts(ConnectionContext ctx) {
        Script script = script(ctx.connectionId());
        if (script.accountsFailure != null) {
            throw new ConnectorFailure(script.accountsFailure, "The bank is down");
        }
        return List.copyOf(script.accounts).stream();
    }

    @Override
    public Stream<Transaction> transactions(ConnectionContext ctx, Account account, LocalDate since) {
        Script script = script(ctx.connectionId());
        script.transactionFetches.add(Map.entry(account.externalId(), since));
        FailureReason failure = script.transactionFailures.get(account.externalId());
        if (failure != null) {
            throw new ConnectorFailure(failure, "Cannot read this account");
        }
        return script.transactions.getOrDefault(account.externalId(), List.of()).stream()
                .filter(t -> !t.date().isBefore(since));
    }

    @Override
    public Stream<Subscription> subscriptions(ConnectionContext ctx) {
        return List.copyOf(script(ctx.connectionId()).subscriptions).stream();
    }

    @Override
    public Stream<Document> documents(ConnectionContext ctx, Subscription subscription) {
        Script script = script(ctx.connectionId());
        script.documentFetches.add(subscription.externalId());
        return script.documents.getOrDefault(subscription.externalId(), List.of()).stream();
    }

    // Data builders with sensible defaults.

    public static Account checking(String externalId, String balance) {
        return account(externalId, "checking", balance, "EUR", null);
    }

    public static Account account(String externalId, String type, String balance, String currency, String parent) {
        return new Account(externalId, "FR76" + externalId, "Account " + externalId, type, new BigDecimal(balance),
                null, currency, null, null, "PRIV", "owner", null, null, parent, null);
    }

    public static Transaction booked(String externalId, LocalDate date, String value) {
        return transaction(externalId, date, value, "Operation " + externalId, false);
    }

    public static Transaction transaction(String externalId, LocalDate date, String value, String wording, boolean coming) {
        return new Transaction(externalId, date, null, null, null, new BigDecimal(value), "card", wording, null, coming,
                null, null, null, null);
    }

    public static Subscription subscription(String externalId) {
        return new Subscription(externalId, "C-" + externalId, "Contract " + externalId, "Jane Doe", null, null);
    }

    public static Document document(String externalId, LocalDate date, byte[] content) {
        return new Document(externalId, "Bill " + externalId, "bill", date, null, new BigDecimal("42.10"), null, null,
                "EUR", "N-" + externalId, "Fake energy", "application/pdf", content);
    }
}
