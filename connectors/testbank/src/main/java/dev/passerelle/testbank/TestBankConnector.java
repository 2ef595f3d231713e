package dev.passerelle.testbank;

import dev.passerelle.connector.Account;
import dev.passerelle.connector.AuthMechanism;
import dev.passerelle.connector.ConnectionContext;
import dev.passerelle.connector.Connector;
import dev.passerelle.connector.ConnectorDescriptor;
import dev.passerelle.connector.Document;
import dev.passerelle.connector.FailureReason;
import dev.passerelle.connector.Profile;
import dev.passerelle.connector.StepResult;
import dev.passerelle.connector.Subscription;
import dev.passerelle.connector.Transaction;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * "Connecteur de test": Passerelle's twin of Powens' sandbox connector (PROTOCOL-NOTES §9). The
 * scenario the user picks in the {@code <source>website} field drives the connection through every
 * state of §4, deterministically: time comes only from the context's clock and memory only from the
 * session string, and the data are generated from the login so that tests can predict them.
 */
public final class TestBankConnector implements Connector {

    /** The uuid of Powens' sandbox connector, which this one shares. */
    public static final UUID UUID = TestBankDescriptor.CONNECTOR_UUID;

    static final String INCORRECT_PASSWORD = "Incorrect password";

    private static final ConnectorDescriptor DESCRIPTOR = TestBankDescriptor.create();

    /**
     * Whether {@code source} needs the sandbox bank that Passerelle itself serves: {@code openapi}
     * sends its users there to log in, unless the {@code bank-url} setting names another bank.
     */
    public static boolean needsServedSandboxBank(String source, Map<String, String> settings) {
        return TestBankDescriptor.OPEN_API.equals(source) && !settings.containsKey(BankRedirect.BANK_URL);
    }

    @Override
    public ConnectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** A source reached by web authentication sends the user to the sandbox bank ({@link BankRedirect}). */
    @Override
    public StepResult start(ConnectionContext ctx) {
        if (usesCredentials(ctx)) {
            return authenticate(ctx, Behaviour::start);
        }
        return inScenario(ctx, (behaviour, attempt) -> BankRedirect.start(ctx, attempt.scenario()));
    }

    @Override
    public StepResult sync(ConnectionContext ctx) {
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
    public StepResult resume(ConnectionContext ctx, Map<String, String> input) {
        if (!usesCredentials(ctx) && BankRedirect.awaitsCallback(ctx)) {
            return inScenario(ctx, (behaviour, attempt) -> BankRedirect.callback(ctx, attempt.scenario(), input));
        }
        return inScenario(ctx, (behaviour, attempt) -> behaviour.resume(attempt, input));
    }

    @Override
    public Stream<Account> accounts(ConnectionContext ctx) {
        return Customer.of(ctx).accountsToday().stream();
    }

    /** Transactions of the last {@code monthsToFetch} months at most: the bank keeps no older history. */
    @Override
    public Stream<Transaction> transactions(ConnectionContext ctx, Account account, LocalDate since) {
        Customer customer = Customer.of(ctx);
        LocalDate historyStart = customer.today().minusMonths(DESCRIPTOR.monthsToFetch());
        LocalDate from = since == null || since.isBefore(historyStart) ? historyStart : since;
        return customer.account(account.externalId()).stream()
                .flatMap(bankAccount -> bankAccount.transactions(from, customer.today()));
    }

    /** Only {@code directaccess} has the document capability. */
    @Override
    public Stream<Subscription> subscriptions(ConnectionContext ctx) {
        if (!hasCapability(ctx, "document")) {
            return Stream.empty();
        }
        Identity holder = Customer.of(ctx).identity();
        return Stream.of(Contract.values()).map(contract -> contract.subscription(holder));
    }

    @Override
    public Stream<Document> documents(ConnectionContext ctx, Subscription subscription) {
        if (!hasCapability(ctx, "document")) {
            return Stream.empty();
        }
        Customer customer = Customer.of(ctx);
        return Contract.of(subscription).stream()
                .flatMap(contract -> contract.invoices(customer.identity(), subscription, customer.today()));
    }

    /** Only {@code directaccess} has the profile capability. */
    @Override
    public Optional<Profile> profile(ConnectionContext ctx) {
        return hasCapability(ctx, "profile") ? Optional.of(Customer.of(ctx).identity().profile()) : Optional.empty();
    }

    private static boolean hasCapability(ConnectionContext ctx, String capability) {
        return DESCRIPTOR.source(ctx.source()).map(source -> source.capabilities().contains(capability)).orElse(false);
    }

    private StepResult authenticate(ConnectionContext ctx, BiFunction<Behaviour, Attempt, StepResult> step) {
        boolean wrongPassword = usesCredentials(ctx)
                && !ctx.credential(TestBankDescriptor.PASSWORD).orElse("").equals(TestBankDescriptor.EXPECTED_PASSWORD);
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

    /**
     * The context does not say which mechanism the source was added with: a source that only takes
     * credentials uses them, and a webauth-capable source uses them when the user typed any.
     */
    private static boolean usesCredentials(ConnectionContext ctx) {
        boolean webauthCapable = DESCRIPTOR.source(ctx.source())
                .map(source -> source.availableAuthMechanisms().contains(AuthMechanism.WEBAUTH))
                .orElse(false);
        return !webauthCapable
                || ctx.credential(TestBankDescriptor.LOGIN).isPresent()
                || ctx.credential(TestBankDescriptor.PASSWORD).isPresent();
    }
}
