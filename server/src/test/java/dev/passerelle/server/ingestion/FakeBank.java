package dev.passerelle.server.ingestion;

import dev.passerelle.connector.Account;
import dev.passerelle.connector.AccountType;
import dev.passerelle.connector.AccountUsage;
import dev.passerelle.connector.Capability;
import dev.passerelle.connector.ConnectionContext;
import dev.passerelle.connector.Connector;
import dev.passerelle.connector.ConnectorDescriptor;
import dev.passerelle.connector.Document;
import dev.passerelle.connector.DocumentCapability;
import dev.passerelle.connector.DocumentFile;
import dev.passerelle.connector.DocumentType;
import dev.passerelle.connector.FailureReason;
import dev.passerelle.connector.Interruption;
import dev.passerelle.connector.Investment;
import dev.passerelle.connector.InvestmentValue;
import dev.passerelle.connector.Ownership;
import dev.passerelle.connector.PsuContext;
import dev.passerelle.connector.Resume;
import dev.passerelle.connector.SourceDescriptor;
import dev.passerelle.connector.Spi;
import dev.passerelle.connector.StepResult;
import dev.passerelle.connector.Subscription;
import dev.passerelle.connector.Transaction;
import dev.passerelle.connector.TransactionType;
import dev.passerelle.connector.WealthCapability;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A hand-written connector whose data each test scripts per connection: what it lists, what stops
 * or fails, and a record of the fetches it served, so that tests can prove what was (not) asked.
 */
public final class FakeBank implements Connector, DocumentCapability, WealthCapability {

    public static final int ID = 990_001;
    public static final UUID UUID_ = UUID.fromString("00000000-0000-4000-8000-000000990001");
    public static final int MONTHS_TO_FETCH = 6;

    private static final ConnectorDescriptor DESCRIPTOR = ConnectorDescriptor.builder(ID, UUID_, "Fake bank")
            .spiVersion(Spi.VERSION)
            .accountTypes(AccountType.CHECKING, AccountType.CARD, AccountType.MARKET)
            .countries("fr")
            .monthsToFetch(MONTHS_TO_FETCH)
            .sources(List.of(SourceDescriptor.builder(ID, "directaccess").priority(0)
                    .capabilities(Capability.BANK, Capability.WEALTH, Capability.DOCUMENT)
                    .accountUsages(AccountUsage.PRIVATE).build()))
            .build();

    private final Map<Long, Script> scripts = new ConcurrentHashMap<>();

    /** What the bank shows on one connection; tests change it between ingestions. */
    public static final class Script {
        public final List<Account> accounts = new ArrayList<>();
        public final Map<String, List<Transaction>> transactions = new HashMap<>();
        public final Map<String, List<Investment>> investments = new HashMap<>();
        public final Map<String, List<InvestmentValue>> history = new HashMap<>();
        public final List<Subscription> subscriptions = new ArrayList<>();
        public final Map<String, List<Document>> documents = new HashMap<>();
        /** When set, listing accounts fails with it. */
        public FailureReason accountsFailure;
        /** Per account external id, a failure of its transaction fetch. */
        public final Map<String, FailureReason> transactionFailures = new HashMap<>();
        /** Per account external id, what the institution answers instead of its transactions. */
        public final Map<String, Function<ConnectionContext, Interruption>> transactionStops = new HashMap<>();
        /** When set, every sync throws it: a fault of the connector. */
        public RuntimeException syncFault;
        /** The session each sync was given. */
        public final List<String> sessionsSeenBySync = new ArrayList<>();
        /** The user's request each sync was given ({@code null}: a sync without the user). */
        public final List<PsuContext> psuSeenBySync = new ArrayList<>();
        /** Every transaction fetch served: account external id and {@code since}. */
        public final List<Map.Entry<String, LocalDate>> transactionFetches = new ArrayList<>();
        /** Every investment fetch served: account external id. */
        public final List<String> investmentFetches = new ArrayList<>();
        /** Every document fetch served: subscription external id. */
        public final List<String> documentFetches = new ArrayList<>();
        /** Every file fetch served: document external id. */
        public final List<String> fileFetches = new ArrayList<>();

        /** Replaces the transactions of an account. */
        public Script transactions(String accountExternalId, List<Transaction> list) {
            transactions.put(accountExternalId, new ArrayList<>(list));
            return this;
        }
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
        return StepResult.Success.of();
    }

    @Override
    public StepResult resume(ConnectionContext ctx, Resume input) {
        return StepResult.Success.of();
    }

    @Override
    public StepResult sync(ConnectionContext ctx) {
        Script script = script(ctx.connectionId());
        script.sessionsSeenBySync.add(ctx.session().orElse(null));
        script.psuSeenBySync.add(ctx.psu().orElse(null));
        if (script.syncFault != null) {
            throw script.syncFault;
        }
        return StepResult.Success.of();
    }

    @Override
    public List<Account> accounts(ConnectionContext ctx) {
        Script script = script(ctx.connectionId());
        if (script.accountsFailure != null) {
            throw Interruption.failure(script.accountsFailure, "The bank is down");
        }
        return List.copyOf(script.accounts);
    }

    @Override
    public List<Transaction> transactions(ConnectionContext ctx, Account account, LocalDate since) {
        Script script = script(ctx.connectionId());
        script.transactionFetches.add(Map.entry(account.externalId(), since));
        FailureReason failure = script.transactionFailures.get(account.externalId());
        if (failure != null) {
            throw Interruption.failure(failure, "Cannot read this account");
        }
        Function<ConnectionContext, Interruption> stop = script.transactionStops.get(account.externalId());
        if (stop != null) {
            throw stop.apply(ctx);
        }
        return script.transactions.getOrDefault(account.externalId(), List.of()).stream()
                .filter(t -> !t.date().isBefore(since)).toList();
    }

    @Override
    public List<Investment> investments(ConnectionContext ctx, Account account) {
        Script script = script(ctx.connectionId());
        script.investmentFetches.add(account.externalId());
        return script.investments.getOrDefault(account.externalId(), List.of());
    }

    @Override
    public List<InvestmentValue> history(ConnectionContext ctx, Account account, Investment investment) {
        return script(ctx.connectionId()).history.getOrDefault(investment.externalId(), List.of());
    }

    @Override
    public List<Subscription> subscriptions(ConnectionContext ctx) {
        return List.copyOf(script(ctx.connectionId()).subscriptions);
    }

    @Override
    public List<Document> documents(ConnectionContext ctx, Subscription subscription) {
        Script script = script(ctx.connectionId());
        script.documentFetches.add(subscription.externalId());
        return script.documents.getOrDefault(subscription.externalId(), List.of());
    }

    /** The file's bytes name the document, so that a test can tell which file it got. */
    @Override
    public DocumentFile file(ConnectionContext ctx, Subscription subscription, Document document) {
        script(ctx.connectionId()).fileFetches.add(document.externalId());
        return new DocumentFile("application/pdf", fileOf(document.externalId()));
    }

    /** The bytes {@link #file} serves for a document. */
    public static byte[] fileOf(String documentExternalId) {
        return ("%PDF-1.4 " + documentExternalId).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    // Data builders with sensible defaults.

    public static Account checking(String externalId, String balance) {
        return account(externalId, AccountType.CHECKING, balance, "EUR", null);
    }

    public static Account account(String externalId, AccountType type, String balance, String currency, String parent) {
        return Account.builder().externalId(externalId).number("FR76" + externalId).name("Account " + externalId)
                .type(type).balance(new BigDecimal(balance)).currency(currency).usage(AccountUsage.PRIVATE)
                .ownership(Ownership.OWNER).parentExternalId(parent).build();
    }

    public static Transaction booked(String externalId, LocalDate date, String value) {
        return transaction(externalId, date, value, "Operation " + externalId, false);
    }

    public static Transaction transaction(String externalId, LocalDate date, String value, String wording, boolean coming) {
        return Transaction.builder().externalId(externalId).date(date).value(new BigDecimal(value))
                .type(TransactionType.CARD).originalWording(wording).coming(coming).build();
    }

    public static Investment investment(String externalId, String label, String valuation) {
        return Investment.builder().externalId(externalId).label(label).valuation(new BigDecimal(valuation)).build();
    }

    public static Subscription subscription(String externalId) {
        return Subscription.builder().externalId(externalId).number("C-" + externalId).label("Contract " + externalId)
                .subscriber("Jane Doe").build();
    }

    public static Document document(String externalId, LocalDate date) {
        return Document.builder().externalId(externalId).name("Bill " + externalId).type(DocumentType.BILL).date(date)
                .totalAmount(new BigDecimal("42.10")).currency("EUR").number("N-" + externalId).issuer("Fake energy")
                .build();
    }
}
