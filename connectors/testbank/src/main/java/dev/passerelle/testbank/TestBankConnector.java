package dev.passerelle.testbank;

import dev.passerelle.connector.Account;
import dev.passerelle.connector.AuthMechanism;
import dev.passerelle.connector.ConnectionContext;
import dev.passerelle.connector.Connector;
import dev.passerelle.connector.ConnectorDescriptor;
import dev.passerelle.connector.ConnectorEnvironment;
import dev.passerelle.connector.Document;
import dev.passerelle.connector.DocumentCapability;
import dev.passerelle.connector.DocumentFile;
import dev.passerelle.connector.FailureReason;
import dev.passerelle.connector.Investment;
import dev.passerelle.connector.InvestmentValue;
import dev.passerelle.connector.Profile;
import dev.passerelle.connector.ProfileCapability;
import dev.passerelle.connector.Resume;
import dev.passerelle.connector.Settings;
import dev.passerelle.connector.StepResult;
import dev.passerelle.connector.Subscription;
import dev.passerelle.connector.Transaction;
import dev.passerelle.connector.WealthCapability;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * "Connecteur de test": Passerelle's twin of Powens' sandbox connector (docs/protocol.md §9). The
 * scenario the user picks in the {@code <source>website} field drives the connection through every
 * state of docs/protocol.md §4, deterministically: time comes only from the context's clock and memory only from the
 * session, and the data are generated from the login so that tests can predict them. Documents and
 * the profile come from {@code directaccess} only, as its descriptor says; the server asks no other.
 * Every step and data call first waits out the configured {@link InstitutionLatency} (none by
 * default), to simulate a slow bank.
 */
public final class TestBankConnector implements Connector, DocumentCapability, WealthCapability, ProfileCapability {

    /** The uuid of Powens' sandbox connector, which this one shares. */
    public static final UUID UUID = TestBankDescriptor.CONNECTOR_UUID;

    static final String INCORRECT_PASSWORD = "Incorrect password";

    private static final ConnectorDescriptor DESCRIPTOR = TestBankDescriptor.create();

    private final InstitutionLatency.Pause pause;

    public TestBankConnector() {
        this(InstitutionLatency.Pause.SLEEP);
    }

    TestBankConnector(InstitutionLatency.Pause pause) {
        this.pause = pause;
    }

    /**
     * Whether {@code source} needs the sandbox bank that Passerelle itself serves: {@code openapi}
     * sends its users there to log in, unless the {@code bank-url} setting names another bank.
     */
    public static boolean needsServedSandboxBank(String source, Settings settings) {
        return TestBankDescriptor.OPEN_API.equals(source) && settings.text(BankRedirect.BANK_URL).isEmpty();
    }

    @Override
    public ConnectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** A negative latency: the server refuses it before it is stored, and never starts the connector with it. */
    @Override
    public Map<String, String> settingProblems(Settings settings) {
        return InstitutionLatency.problems(settings);
    }

    /** A negative latency setting stops the connector at start-up rather than at its first call. */
    @Override
    public void open(ConnectorEnvironment environment) {
        InstitutionLatency.from(environment.settings());
    }

    /** A source reached by web authentication sends the user to the sandbox bank ({@link BankRedirect}). */
    @Override
    public StepResult start(ConnectionContext ctx) {
        institutionAnswers(ctx);
        if (usesCredentials(ctx)) {
            return authenticate(ctx, Behaviour::start);
        }
        return inScenario(ctx, (behaviour, attempt) -> BankRedirect.start(ctx, attempt.scenario()));
    }

    @Override
    public StepResult sync(ConnectionContext ctx) {
        institutionAnswers(ctx);
        if (usesCredentials(ctx)) {
            return authenticate(ctx, Behaviour::sync);
        }
        return inScenario(ctx, (behaviour, attempt) -> BankRedirect.sync(ctx, attempt.scenario()));
    }

    /**
     * Answers need no password check: the credentials were checked when the dialogue began. The bank's
     * callback completes a web authentication.
     */
    @Override
    public StepResult resume(ConnectionContext ctx, Resume input) {
        institutionAnswers(ctx);
        if (input instanceof Resume.Callback callback && !usesCredentials(ctx) && BankRedirect.awaitsCallback(ctx)) {
            return inScenario(ctx, (behaviour, attempt) -> BankRedirect.callback(ctx, attempt.scenario(), callback));
        }
        return inScenario(ctx, (behaviour, attempt) -> behaviour.resume(attempt, input));
    }

    @Override
    public List<Account> accounts(ConnectionContext ctx) {
        institutionAnswers(ctx);
        return Customer.of(ctx).accountsToday();
    }

    /** Transactions of the last {@code monthsToFetch} months at most: the bank keeps no older history. */
    @Override
    public List<Transaction> transactions(ConnectionContext ctx, Account account, LocalDate since) {
        institutionAnswers(ctx);
        Customer customer = Customer.of(ctx);
        LocalDate historyStart = customer.today().minusMonths(DESCRIPTOR.monthsToFetch());
        LocalDate from = since == null || since.isBefore(historyStart) ? historyStart : since;
        return customer.account(account.externalId())
                .map(bankAccount -> bankAccount.transactions(from, customer.today()))
                .orElse(List.of());
    }

    @Override
    public List<Investment> investments(ConnectionContext ctx, Account account) {
        institutionAnswers(ctx);
        Customer customer = Customer.of(ctx);
        return customer.account(account.externalId())
                .map(bankAccount -> bankAccount.investments(customer.today()))
                .orElse(List.of());
    }

    @Override
    public List<InvestmentValue> history(ConnectionContext ctx, Account account, Investment investment) {
        institutionAnswers(ctx);
        Customer customer = Customer.of(ctx);
        return customer.account(account.externalId())
                .map(bankAccount -> bankAccount.history(investment.externalId(), customer.today()))
                .orElse(List.of());
    }

    @Override
    public List<Subscription> subscriptions(ConnectionContext ctx) {
        institutionAnswers(ctx);
        Identity holder = Customer.identityOf(ctx);
        return Arrays.stream(Contract.values()).map(contract -> contract.subscription(holder)).toList();
    }

    @Override
    public List<Document> documents(ConnectionContext ctx, Subscription subscription) {
        institutionAnswers(ctx);
        Customer customer = Customer.of(ctx);
        return Contract.of(subscription)
                .map(contract -> contract.invoices(customer.identity(), subscription, customer.today()))
                .orElse(List.of());
    }

    @Override
    public DocumentFile file(ConnectionContext ctx, Subscription subscription, Document document) {
        institutionAnswers(ctx);
        Identity holder = Customer.identityOf(ctx);
        return Contract.of(subscription).orElseThrow(() -> new IllegalArgumentException(
                        "not a subscription of the test bank: " + subscription.externalId()))
                .file(holder, subscription, document);
    }

    @Override
    public Optional<Profile> profile(ConnectionContext ctx) {
        institutionAnswers(ctx);
        return Optional.of(Customer.identityOf(ctx).profile());
    }

    /** The bank takes its time: the configured latency, drawn anew for each call. */
    private void institutionAnswers(ConnectionContext ctx) {
        pause.await(InstitutionLatency.from(ctx.settings()).next(ThreadLocalRandom.current()));
    }

    private StepResult authenticate(ConnectionContext ctx, BiFunction<Behaviour, Attempt, StepResult> step) {
        boolean wrongPassword = !ctx.credential(TestBankDescriptor.PASSWORD).orElse("")
                .equals(TestBankDescriptor.EXPECTED_PASSWORD);
        if (wrongPassword) {
            return StepResult.Failure.of(FailureReason.WRONG_PASS, INCORRECT_PASSWORD);
        }
        return inScenario(ctx, step);
    }

    private StepResult inScenario(ConnectionContext ctx, BiFunction<Behaviour, Attempt, StepResult> step) {
        Optional<Scenario> scenario = Scenario.chosen(ctx);
        if (scenario.isEmpty()) {
            return StepResult.Failure.of(FailureReason.NOT_SUPPORTED, "Value \"" + Scenario.chosenValue(ctx)
                    + "\" is not in list: "
                    + Arrays.stream(Scenario.values()).filter(s -> s.availableOn(ctx.source()))
                    .map(Scenario::value).collect(Collectors.joining(", ")));
        }
        return step.apply(scenario.get().behaviour(), new Attempt(ctx, scenario.get()));
    }

    /** A source added with credentials checks the password; one added by web authentication goes to the bank. */
    private static boolean usesCredentials(ConnectionContext ctx) {
        return ctx.mechanism() == AuthMechanism.CREDENTIALS;
    }
}
