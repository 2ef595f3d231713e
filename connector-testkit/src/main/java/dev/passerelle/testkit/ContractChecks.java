package dev.passerelle.testkit;

import dev.passerelle.connector.Account;
import dev.passerelle.connector.Capability;
import dev.passerelle.connector.Connector;
import dev.passerelle.connector.ConnectorDescriptor;
import dev.passerelle.connector.ConsentCapability;
import dev.passerelle.connector.DocumentCapability;
import dev.passerelle.connector.FieldSpec;
import dev.passerelle.connector.FieldType;
import dev.passerelle.connector.Investment;
import dev.passerelle.connector.ProfileCapability;
import dev.passerelle.connector.SettingSpec;
import dev.passerelle.connector.Settings;
import dev.passerelle.connector.SourceDescriptor;
import dev.passerelle.connector.Spi;
import dev.passerelle.connector.StepResult;
import dev.passerelle.connector.Subscription;
import dev.passerelle.connector.Transaction;
import dev.passerelle.connector.WealthCapability;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The SPI contract, checked on a connector: what the server relies on and cannot check for itself
 * at run time. Each check that fails is listed; {@link #assertAll()} fails the test with all of them.
 *
 * <ul>
 *   <li>the descriptor: written for this SPI version, unique sources and fields, every declared
 *       capability implemented, setting defaults that read as their type;</li>
 *   <li>a connection: external ids of accounts, transactions, investments and subscriptions unique
 *       and stable across syncs and across days (the server upserts on them);</li>
 *   <li>data calls respect activation: an account's data are the same whether or not the others
 *       were asked (the server asks only activated accounts);</li>
 *   <li>sessions never carry a password or a secret setting in clear (checked by every
 *       {@link Dialogue} call), and every outcome is one the runtime maps.</li>
 * </ul>
 *
 * <pre>{@code
 * ContractChecks.of(new MyConnector())
 *         .connection(() -> Dialogue.with(new MyConnector()).field("login", "alice").build(),
 *                 dialogue -> dialogue.start())
 *         .assertAll();
 * }</pre>
 */
public final class ContractChecks {

    /** How far back transactions are compared. */
    private static final int DAYS_OF_TRANSACTIONS = 30;

    private final Connector connector;
    private final List<String> failures = new ArrayList<>();

    private ContractChecks(Connector connector) {
        this.connector = connector;
        descriptor();
    }

    /** The checks of {@code connector}, its descriptor checked at once. */
    public static ContractChecks of(Connector connector) {
        return new ContractChecks(connector);
    }

    /** What failed so far. */
    public List<String> failures() {
        return List.copyOf(failures);
    }

    public void assertAll() {
        if (!failures.isEmpty()) {
            throw new AssertionError("The connector breaks the SPI contract:\n - " + String.join("\n - ", failures));
        }
    }

    private void descriptor() {
        ConnectorDescriptor d = connector.descriptor();
        check(d.spiVersion() == Spi.VERSION, "the descriptor names SPI version " + d.spiVersion() + ", the server runs "
                + Spi.VERSION);
        unique("source ids", d.sources().stream().map(SourceDescriptor::id).toList());
        unique("source names", d.sources().stream().map(SourceDescriptor::name).toList());
        unique("field names", d.fields().stream().map(FieldSpec::name).toList());
        unique("setting names", d.settings().stream().map(SettingSpec::name).toList());
        d.fields().stream().filter(f -> f.type() == FieldType.LIST && f.values().isEmpty())
                .forEach(f -> failures.add("list field '" + f.name() + "' offers no value"));
        d.fields().stream().flatMap(f -> f.sources().stream().filter(s -> d.source(s).isEmpty())
                        .map(s -> "field '" + f.name() + "' names source '" + s + "' the connector lacks"))
                .forEach(failures::add);
        implemented(d, Capability.WEALTH, WealthCapability.class);
        implemented(d, Capability.DOCUMENT, DocumentCapability.class);
        implemented(d, Capability.PROFILE, ProfileCapability.class);
        for (SettingSpec spec : d.settings()) {
            if (spec.defaultValue() != null) {
                Settings.of(Map.of(), List.of(spec)).problems()
                        .forEach(problem -> failures.add("the default of " + problem));
            }
        }
    }

    /**
     * Checks one connection of the connector.
     *
     * @param dialogues makes a fresh dialogue of one and the same user (called twice)
     * @param connect   drives a fresh dialogue to {@link StepResult.Success} (start, answer a code…)
     */
    public ContractChecks connection(Supplier<Dialogue> dialogues, Function<Dialogue, StepResult> connect) {
        Dialogue first = dialogues.get();
        if (!(connect.apply(first) instanceof StepResult.Success)) {
            failures.add("connect did not reach Success: " + first.last());
            return this;
        }
        List<Account> accounts = first.accounts();
        unique("account external ids", accounts.stream().map(Account::externalId).toList());
        first.activate(accounts);
        LocalDate today = LocalDate.ofInstant(first.clock().instant(), ZoneOffset.UTC);
        LocalDate since = today.minusDays(DAYS_OF_TRANSACTIONS);
        Map<String, List<Transaction>> fetched = accounts.stream().collect(Collectors.toMap(Account::externalId,
                account -> first.transactions(account, since)));
        Map<String, List<String>> transactions = fetched.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> ids(e.getValue(), Transaction::externalId)));
        transactions.forEach((account, ids) -> unique("transaction external ids of account " + account, ids));
        Map<String, List<String>> investments = investmentIds(first, accounts);

        StepResult synced = first.sync(false);
        if (synced instanceof StepResult.Success) {
            List<Account> again = first.accounts();
            same("account external ids after a sync", ids(accounts, Account::externalId), ids(again, Account::externalId));
            for (Account account : again) {
                if (transactions.containsKey(account.externalId())) {
                    same("transaction external ids of account " + account.externalId() + " after a sync",
                            transactions.get(account.externalId()), ids(first.transactions(account, since),
                                    Transaction::externalId));
                }
            }
            investmentIds(first, again).forEach((account, ids) ->
                    same("investment external ids of account " + account + " after a sync", investments.get(account), ids));
            if (first.source().has(Capability.DOCUMENT)) {
                List<String> subscriptions = ids(first.subscriptions(), Subscription::externalId);
                unique("subscription external ids", subscriptions);
                same("subscription external ids on a second call", subscriptions,
                        ids(first.subscriptions(), Subscription::externalId));
            }
        }

        LocalDate settled = today.minusDays(7);
        first.clock().advance(Duration.ofDays(1));
        if (first.sync(false) instanceof StepResult.Success) {
            for (Account account : first.accounts()) {
                if (!transactions.containsKey(account.externalId())) {
                    continue;
                }
                Set<String> nextDay = new HashSet<>(ids(first.transactions(account, since), Transaction::externalId));
                List<String> lost = fetched.get(account.externalId()).stream()
                        .filter(t -> t.date().isBefore(settled)).map(Transaction::externalId)
                        .filter(id -> !nextDay.contains(id)).toList();
                check(lost.isEmpty(), "transactions of account " + account.externalId() + " dated before "
                        + settled + " changed ids a day later: " + lost);
            }
        }

        Dialogue alone = dialogues.get();
        if (connect.apply(alone) instanceof StepResult.Success && !accounts.isEmpty()) {
            Account one = accounts.getFirst();
            alone.activate(one);
            // The settled operations only: the clock moved on a day, and an institution's recent days with it.
            same("transactions of account " + one.externalId() + " dated before " + settled + " asked alone (the "
                    + "server asks only activated accounts)", settledIds(fetched.get(one.externalId()), settled),
                    settledIds(alone.transactions(one, since), settled));
        }
        return this;
    }

    private static List<String> settledIds(List<Transaction> transactions, LocalDate settled) {
        return transactions.stream().filter(t -> t.date().isBefore(settled)).map(Transaction::externalId).toList();
    }

    private Map<String, List<String>> investmentIds(Dialogue dialogue, List<Account> accounts) {
        if (!dialogue.source().has(Capability.WEALTH)) {
            return Map.of();
        }
        Map<String, List<String>> ids = accounts.stream().collect(Collectors.toMap(Account::externalId,
                account -> ids(dialogue.investments(account), Investment::externalId)));
        ids.forEach((account, list) -> unique("investment external ids of account " + account, list));
        return ids;
    }

    private void implemented(ConnectorDescriptor d, Capability capability, Class<?> type) {
        boolean declared = d.sources().stream().anyMatch(s -> s.has(capability));
        check(!declared || type.isInstance(connector), "a source declares " + capability + " but the connector does "
                + "not implement " + type.getSimpleName());
        check(declared || !type.isInstance(connector) || type == ConsentCapability.class, "the connector implements "
                + type.getSimpleName() + " but no source declares " + capability + ": the server never calls it");
    }

    private void unique(String what, Collection<?> values) {
        Set<Object> seen = new HashSet<>();
        List<?> repeated = values.stream().filter(v -> !seen.add(v)).toList();
        check(repeated.isEmpty(), what + " repeat: " + repeated);
    }

    private void same(String what, List<String> before, List<String> after) {
        check(new HashSet<>(before).equals(new HashSet<>(after)), what + " changed: " + before + " then " + after);
    }

    private void check(boolean holds, String failure) {
        if (!holds) {
            failures.add(failure);
        }
    }

    private static <T> List<String> ids(List<T> items, Function<T, String> id) {
        return items.stream().map(id).toList();
    }
}
